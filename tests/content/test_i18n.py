"""Language: the redirect from /, <html lang dir>, the switcher and hreflang links."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

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


def switcher_links(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a class="nav-link" href="([^"]+)" lang="(\w+)"', nav)


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
