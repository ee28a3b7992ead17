"""Search as patients met it in the journeys (journeys.md J1-4, J1-5, J1-8)."""

import re

import pytest
from django.utils import translation
from django.utils.translation import get_language_info

from tests.content.test_i18n import switch_target

pytestmark = pytest.mark.django_db


@pytest.fixture
def thinners(make_article):
    return make_article(
        title_ar="مميعات الدم قبل الجلسة",
        title_en="Blood thinners before a session",
        summary_ar="ما تقوله للطبيب عن أدويتك.",
        summary_en="What to tell the doctor about your medicines.",
        body_ar="## قبل الجلسة\n\nأخبر الطبيب إن كنت تتناول مميعات الدم.",
        body_en="## Before the session\n\nTell the doctor if you take blood thinners.",
    )


def url_of(article, code):
    with translation.override(code):
        return article.get_absolute_url()


def name_of(code, reader):
    with translation.override(reader):
        return get_language_info(code)["name_translated"]


def test_an_english_query_on_the_arabic_page_says_first_that_no_arabic_page_matches(
    client, thinners
):
    html = client.get("/ar/search/", {"q": "blood thinners"}).content.decode()
    html = re.sub(r'<span dir="ltr" lang="en">([^<]*)</span>', r"\1", html)  # bidi isolation
    none_here = f"لا توجد صفحات باللغة {name_of('ar', 'ar')} تطابق «blood thinners»."
    offer = f"توجد صفحة واحدة باللغة {name_of('en', 'ar')} تطابق بحثك"
    assert none_here in html and offer in html
    assert html.index(none_here) < html.index(offer)
    assert 'href="/en/search/?q=blood+thinners"' in html
    # And the same page in Arabic, after the offer.
    assert html.index(offer) < html.index(f'href="{url_of(thinners, "ar")}"')
    assert "وهذه الصفحة نفسها باللغة" in html


def test_the_language_switch_on_a_results_page_gives_that_languages_results(client, thinners):
    arabic = client.get("/ar/search/", {"q": "مميعات الدم"}).content.decode()
    switch = switch_target(re.search(r'<a class="nav-link" href="([^"]+)" lang="en"', arabic)[1])
    assert switch.startswith("/en/search/?q=")
    english = client.get(switch)
    html = english.content.decode()
    assert english.status_code == 200
    # The English page of what the Arabic words find, not "No pages match".
    assert f'href="{url_of(thinners, "en")}">Blood thinners before a session</a>' in html
    assert "No pages in English match “مميعات الدم”." in html
    assert "1 page in Arabic matches your search" in html
    assert "Here is that page in English:" in html
    assert html.index("No pages in English") < html.index("Here is that page in English")


def test_an_english_query_on_the_english_page_is_not_sent_round_by_the_other_language(
    client, thinners
):
    html = client.get("/en/search/", {"q": "blood thinners"}).content.decode()
    assert "1 page found." in html
    assert "Here is that page" not in html and "No pages in English" not in html


def test_the_results_page_has_one_search_box(client, thinners):
    for code, query in (("ar", "مميعات الدم"), ("en", "blood thinners")):
        html = client.get(f"/{code}/search/", {"q": query}).content.decode()
        assert html.count('role="search"') == 1
        assert html.count('name="q"') == 1
        assert f'value="{query}"' in html  # the one box holds the query
    empty = client.get("/en/search/").content.decode()
    assert empty.count('name="q"') == 1
    # Every other page keeps the header's box.
    assert client.get("/en/").content.decode().count('role="search"') == 1
