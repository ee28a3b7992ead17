"""Language: the redirect from /, <html lang dir>, the switcher and hreflang links."""

import re
from html import unescape
from urllib.parse import parse_qs, quote

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.encoding import iri_to_uri

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept", "target"),
    [
        (None, "/ar/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("ar-EG,ar;q=0.9,en;q=0.5", "/ar/"),
        ("fr-FR,fr;q=0.9", "/ar/"),
        ("de;q=0.9,en;q=0.5", "/en/"),
    ],
)
def test_root_redirects_to_preferred_language(client, accept, target):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept} if accept else {}
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.parametrize(
    ("path", "lang", "direction", "css"),
    [("/ar/", "ar", "rtl", "bootstrap.rtl.min.css"), ("/en/", "en", "ltr", "bootstrap.min.css")],
)
def test_html_lang_and_direction(client, article, path, lang, direction, css):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert f"vendor/bootstrap/{css}" in html


def test_arabic_page_has_arabic_interface(client, article):
    html = client.get("/ar/").content.decode()
    assert "انتقل إلى المحتوى الرئيسي" in html
    assert "Skip to main content" not in html


def switch_target(href):
    """The page a switcher link leads to, through /language/<code>/ (which remembers it)."""
    path, query = unescape(href).split("?", 1)
    [code] = re.fullmatch(r"/language/(\w+)/", path).groups()
    target = parse_qs(query)["next"][0]
    assert target.startswith(f"/{code}/")
    return quote(target, safe="/?=&%+")


def switcher_links(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    links = re.findall(r'<a class="nav-link" href="([^"]+)" lang="(\w+)"', nav)
    return [(switch_target(href), code) for href, code in links]


def test_switcher_on_article_targets_same_article(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    with translation.override("en"):
        english_url = article.get_absolute_url()
    assert switcher_links(html) == [(english_url, "en")]
    assert client.get(english_url).status_code == 200
    assert "Article number" in client.get(english_url).content.decode()


def test_switcher_in_english_targets_arabic_article(client, article):
    with translation.override("en"):
        english_url = article.get_absolute_url()
    with translation.override("ar"):
        arabic_url = article.get_absolute_url()
    html = client.get(english_url).content.decode()
    assert switcher_links(html) == [(arabic_url, "ar")]
    assert ">العربيّة</a>" in html


def test_switcher_on_category_and_home(client, article):
    with translation.override("en"):
        category_en = article.category.get_absolute_url()
    html = client.get(article.category.get_absolute_url()).content.decode()
    assert switcher_links(html) == [(category_en, "en")]
    assert switcher_links(client.get("/en/").content.decode()) == [("/ar/", "ar")]


def test_switcher_keeps_the_query_but_hreflang_does_not(client, article):
    html = client.get("/ar/search/", {"q": "ميزوثيرابي"}).content.decode()
    assert switcher_links(html) == [
        ("/en/search/?q=%D9%85%D9%8A%D8%B2%D9%88%D8%AB%D9%8A%D8%B1%D8%A7%D8%A8%D9%8A", "en")
    ]
    assert 'hreflang="en" href="http://testserver/en/search/"' in html


def test_hreflang_alternates_on_every_page(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert re.search(r'<link rel="alternate" hreflang="ar" href="http://testserver/ar/', html)
    assert re.search(r'<link rel="alternate" hreflang="en" href="http://testserver/en/', html)


@pytest.mark.parametrize(
    ("path", "lang", "text"),
    [
        ("/ar/no-such-page/x/y/", "ar", "الصفحة غير موجودة"),
        ("/en/no-such/x/y/", "en", "Page not found"),
    ],
)
def test_404_page_in_both_languages(client, path, lang, text):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    assert text in html


@pytest.mark.parametrize(
    ("lang", "direction", "text"),
    [("ar", "rtl", "حدث خطأ ما"), ("en", "ltr", "Something went wrong")],
)
def test_500_page_in_both_languages(lang, direction, text):
    with translation.override(lang):
        html = render_to_string("500.html")
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert text in html


def follow_switch(client, page, code):
    """Click the switcher's link to `code` on `page` (the browser's Referer sent along)."""
    nav = re.search(
        r'<nav class="language-switcher".*?</nav>', client.get(page).content.decode(), re.S
    )
    href = unescape(re.search(rf'href="([^"]+)" lang="{code}"', nav.group(0)).group(1))
    return client.get(href, HTTP_REFERER=f"http://testserver{page}")


def test_the_language_chosen_with_the_switch_is_where_the_home_address_leads(client, article):
    """J1-9: a visitor who chose English is sent to /en/ by `/` next time, even with an
    Arabic browser; choosing Arabic again sends them back there, even with an English one."""
    with translation.override("en"):
        english_url = article.get_absolute_url()
    with translation.override("ar"):
        arabic_url = article.get_absolute_url()
    response = follow_switch(client, arabic_url, "en")
    assert response.status_code == 302 and response["Location"] == english_url
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en" and cookie["max-age"] == 365 * 24 * 60 * 60
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and cookie["path"] == "/"
    assert "no-store" in response["Cache-Control"]
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ar")["Location"] == "/en/"
    assert follow_switch(client, english_url, "ar")["Location"] == iri_to_uri(arabic_url)
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en")["Location"] == "/ar/"


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/en/", "//evil.example/en/", "/ar/contact/", "", "/en\\evil"],
)
def test_the_switch_leads_only_to_this_sites_pages_in_the_chosen_language(client, target):
    response = client.get("/language/en/", {"next": target})
    assert response.status_code == 302 and response["Location"] == "/en/"
    unknown = client.get("/language/fr/", {"next": "/fr/"}, follow=True)
    assert unknown.status_code == 404 and settings.LANGUAGE_COOKIE_NAME not in unknown.cookies


def test_stored_pages_are_still_served_to_a_visitor_who_chose_a_language(
    client, article, settings, django_assert_num_queries
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    url = article.get_absolute_url()
    first = client.get(url)
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 200 and second.content == first.content


def test_switching_language_in_the_screener_keeps_the_answers(client):
    from screener.questions import ANSWER_CODES, YES
    from tests.screener.helpers import state_of, url

    client.post(url("start", "ar"))
    client.post(url("question", "ar", 1), {"answer": ANSWER_CODES[YES]})
    response = follow_switch(client, url("question", "ar", 2), "en")
    assert response["Location"] == url("question", "en", 2)
    assert client.get(response["Location"]).status_code == 200
    assert YES in state_of(client)["answers"].values()
