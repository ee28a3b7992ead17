"""The sources list shows citations as published, never our working notes on them; where a
note matters to a reader (no link, authors not checked) it is said in the page's language."""

from types import SimpleNamespace

import pytest
import yaml
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from content.corpus_loader import CORPUS_DIR
from content.models import Article
from content.templatetags.source_notes import citation, split_note
from mesoinfo import languages

WORKING_NOTES = ["confirmed", "look-up", "so no link", "not recorded", "journal's own page"]


def source(**fields):
    return SimpleNamespace(**{"title": "", "publisher": "", "url": "", **fields})


def test_every_working_note_in_sources_yaml_is_taken_out():
    for row in yaml.safe_load((CORPUS_DIR / "sources.yaml").read_text(encoding="utf-8")):
        title, publisher, _note = split_note(source(**row))
        for words in WORKING_NOTES:
            assert words not in title + publisher, (row["key"], words)


def test_a_reader_is_told_what_a_note_means_in_the_pages_language():
    unlinked = source(title="A consensus report (no DOI or journal page confirmed, so no link)")
    authors = source(
        title="A review (authors not confirmed in our look-up; PubMed 1)", url="https://x.org"
    )
    with translation.override("ar"):
        assert citation(unlinked) == {
            "title": "A consensus report",
            "publisher": "",
            "note": "لا يتوفر رابط",
        }
        assert citation(authors)["note"] == "لم نتحقق من أسماء المؤلفين"
    with translation.override("en"):
        assert citation(unlinked)["note"] == "no link available"
    # A bracket that is part of the title stays.
    kept = source(title="FDA Warns About Lipodissolve Product Claims (consumer update, 2010)")
    assert citation(kept)["title"] == kept.title and citation(kept)["note"] == ""


@pytest.mark.django_db
def test_no_page_shows_a_working_note(client):
    call_command("load_corpus", verbosity=0)
    cache.clear()
    seen = 0
    for code in languages.codes():
        with translation.override(code):
            urls = [a.get_absolute_url() for a in Article.objects.published()]
        for url in urls:
            html = client.get(url).content.decode()
            listed = html[html.find('<section class="sources') :]
            listed = listed[: listed.find("</section>")]
            assert "<li>" in listed, url
            for words in WORKING_NOTES:
                assert words not in listed, (url, words, listed[listed.find(words) - 200 :][:300])
            seen += "لا يتوفر رابط" in html or "no link available" in html
    assert seen >= 2  # the consensus report without a link, in both languages
