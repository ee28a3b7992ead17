"""Every article tells the reader where to find help that is independent of the clinic
(DISCERN question 7), in both languages, with links chosen by the article's topic, and says
who is responsible for it."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import translation

from content.independent_help import LINKS, REPORTING, links_for
from content.models import Article

pytestmark = pytest.mark.django_db

HEADING = {"en": "Where to find independent help", "ar": "أين تجد مساعدة مستقلة؟"}
RESPONSIBLE = {"en": "Responsible for this page", "ar": "المسؤول عن هذه الصفحة"}


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker):
    """{language: {article key: html}} for every published article of the shipped corpus."""
    client, result = Client(), {}
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_corpus", verbosity=0)
        articles = list(Article.objects.published().select_related("category"))
        for code in HEADING:
            with translation.override(code):
                urls = {a.corpus_key: a.get_absolute_url() for a in articles}
            result[code] = {}
            for key, url in urls.items():
                response = client.get(url)
                assert response.status_code == 200, url
                result[code][key] = response.content.decode()
        transaction.set_rollback(True)
    return result


@pytest.mark.parametrize("code", sorted(HEADING))
def test_every_article_shows_independent_help_and_who_is_responsible(rendered, code):
    assert len(rendered[code]) >= 18
    general = [LINKS[key].url for key in ("nhs-choosing", "bad-leaflets")]
    for key, html in rendered[code].items():
        assert HEADING[code] in html, key
        assert RESPONSIBLE[code] in html, key
        for url in general + [link.url for link in REPORTING.values()]:
            assert f'href="{url.replace("&", "&amp;")}"' in html, (key, url)
        # One independent source in Arabic, marked as such, for the site's main readers.
        assert f'href="{LINKS["sfda-side-effects"].url}" hreflang="ar"' in html, key


@pytest.mark.parametrize("code", sorted(HEADING))
def test_topic_links_follow_the_article(rendered, code):
    mhra = f'href="{LINKS["mhra-finasteride"].url}"'
    fda = f'href="{LINKS["fda-lipodissolve"].url}"'
    assert mhra in rendered[code]["type-hair"]
    assert mhra not in rendered[code]["type-pigmentation"]
    assert fda in rendered[code]["comparisons"]
    assert fda not in rendered[code]["type-hair"]


def test_arabic_block_isolates_latin_names(rendered):
    html = rendered["ar"]["type-hair"]
    assert '<span dir="ltr" lang="en">(MHRA)</span>' in html
    assert "الوكالة البريطانية لتنظيم الأدوية" in html


def test_links_for_lists_each_link_once():
    class Category:
        corpus_key = "comparisons"

    class Fake:
        corpus_key = "options-local-fat"
        category = Category()

    urls = [link.url for link in links_for(Fake())]
    assert urls.count(LINKS["fda-lipodissolve"].url) == 1
    assert urls[:2] == [LINKS["nhs-choosing"].url, LINKS["bad-leaflets"].url]


def test_a_text_changed_after_its_last_check_says_so(client, make_article):
    from datetime import date, timedelta

    from django.utils import timezone

    checked = make_article(last_reviewed=date(2020, 1, 1))
    Article.objects.filter(pk=checked.pk).update(content_modified_at=timezone.now())
    fresh = make_article(last_reviewed=timezone.localdate() + timedelta(days=1))
    note = {
        "en": "The text has changed since then. The changes have not yet been checked",
        "ar": "عُدِّل النص بعد هذا التاريخ",
    }
    for code, words in note.items():
        with translation.override(code):
            stale_url, fresh_url = checked.get_absolute_url(), fresh.get_absolute_url()
        assert words in client.get(stale_url).content.decode(), code
        assert words not in client.get(fresh_url).content.decode(), code
