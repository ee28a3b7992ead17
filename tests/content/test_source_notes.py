"""The sources list shows citations as published, never the editors' working notes on them
(Source.note); what matters to a reader (no link, authors not checked, a copy rather than
the publisher's page) is said in the page's language, from the facts recorded with the
source."""

import re

import pytest
import yaml
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from content.corpus_loader import CORPUS_DIR
from content.models import Article, Source
from content.templatetags.source_notes import patient_note
from mesoinfo import languages

# Words that only ever belong to our own remarks on a source, not to a citation.
NOTE_WORDS = re.compile(
    r"confirm|look-up|no link|no DOI|\bDOI\b|PubMed|\bPMC\d|not recorded|own page|"
    r"the address is|as summarised|\brecords?\b|reprinted|inferred|relied on",
    re.I,
)


def corpus_sources():
    return yaml.safe_load((CORPUS_DIR / "sources.yaml").read_text(encoding="utf-8"))


def test_no_title_or_publisher_in_sources_yaml_holds_a_working_note():
    sources = corpus_sources()
    noted = [
        (row["key"], name, row[name])
        for row in sources
        for name in ("title", "publisher", "volume")
        if NOTE_WORDS.search(str(row.get(name, "")))
    ]
    assert noted == []
    # The notes were kept, apart: the check above is not passing on an emptied file.
    assert sum(bool(NOTE_WORDS.search(row.get("note", ""))) for row in sources) >= 10


def test_a_working_note_in_a_title_would_be_caught():
    title = "A consensus report (authors confirmed from the article's text; no DOI, so no link)"
    assert NOTE_WORDS.search(title)
    assert not NOTE_WORDS.search("FDA Warns About Lipodissolve Product Claims (consumer update)")


def test_a_reader_is_told_what_the_recorded_facts_mean_in_the_pages_language():
    unlinked = Source(title="A consensus report", url="", note="It has no DOI, so no link.")
    unnamed = Source(title="A review", url="https://x.org", authors_checked=False)
    copy = Source(title="A review", url="https://x.org", link_kind=Source.LinkKind.COPY)
    plain = Source(title="A review", url="https://x.org", note="Authors confirmed on PubMed.")
    with translation.override("ar"):
        assert patient_note(unlinked) == "لا يتوفر رابط"
        assert patient_note(unnamed) == "لم نتحقق من أسماء المؤلفين"
        assert "authors" not in patient_note(unnamed)
    with translation.override("en"):
        assert patient_note(unlinked) == "no link available"
        assert patient_note(unnamed) == "authors' names not checked"
        assert patient_note(copy) == "the link leads to a record or copy of the article"
        both = Source(title="A review", url="", authors_checked=False)
        assert patient_note(both) == "authors' names not checked; no link available"
        # An editors' note alone tells the patient nothing: it is never read for one.
        assert patient_note(plain) == ""


def sources_section(html):
    listed = html[html.find('<section class="sources') :]
    return listed[: listed.find("</section>")]


@pytest.mark.django_db
def test_no_page_shows_a_working_note(client):
    call_command("load_corpus", verbosity=0)
    cache.clear()
    notes = [source.note for source in Source.objects.exclude(note="")]
    assert len(notes) >= 10
    seen = 0
    for code in languages.codes():
        with translation.override(code):
            urls = [a.get_absolute_url() for a in Article.objects.published()]
        for url in urls:
            html = client.get(url).content.decode()
            listed = sources_section(html)
            assert "<li>" in listed, url
            for note in notes:
                assert note not in html, (url, note)
            # The citations themselves, without the patient's note (which may say "record").
            cited = re.sub(r'<span class="source-note">.*?</span></li>', "", listed)
            cited = re.sub(r"<[^>]+>", "", cited)  # the text, not the links' addresses
            found = NOTE_WORDS.search(cited)
            assert found is None, (url, cited[found.start() - 200 :][:300] if found else "")
            seen += "لا يتوفر رابط" in listed or "no link available" in listed
    assert seen >= 2  # the consensus report without a link, in both languages


@pytest.mark.django_db
def test_the_arabic_page_shows_the_arabic_patient_note_and_the_citation_as_published(client):
    call_command("load_corpus", verbosity=0)
    cache.clear()
    unnamed = Source.objects.get(corpus_key="hair-mesotherapy-review-2023")
    assert not unnamed.authors_checked and "authors' names" in unnamed.note
    article = Article.objects.published().filter(sources=unnamed).first()
    with translation.override("ar"):
        url = article.get_absolute_url()
    listed = sources_section(client.get(url).content.decode())
    item = next(li for li in listed.split("<li>") if unnamed.title in li)
    assert "(لم نتحقق من أسماء المؤلفين)" in item
    assert "authors' names not checked" not in item
    assert unnamed.note not in listed and "records we could read" not in listed
    # The volume and pages follow the journal's name and year, as a citation gives them.
    assert "Journal of Dermatological Treatment, 2023; 34(1):2245084." in item
