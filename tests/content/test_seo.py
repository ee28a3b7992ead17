"""Canonical addresses, hreflang, Open Graph and robots.txt."""

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


def urls_of(article):
    result = {}
    for code in ("ar", "en"):
        with translation.override(code):
            result[code] = "http://testserver" + article.get_absolute_url()
    return result


@pytest.mark.parametrize("language", ["ar", "en"])
def test_article_has_canonical_hreflang_and_open_graph(client, article, language):
    urls = urls_of(article)
    html = client.get(urls[language].removeprefix("http://testserver")).content.decode()
    other = "en" if language == "ar" else "ar"
    assert f'<link rel="canonical" href="{urls[language]}">' in html
    assert f'<link rel="alternate" hreflang="ar" href="{urls["ar"]}">' in html
    assert f'<link rel="alternate" hreflang="en" href="{urls["en"]}">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="{urls["ar"]}">' in html
    assert f'<meta property="og:url" content="{urls[language]}">' in html
    assert '<meta property="og:type" content="article">' in html
    title = getattr(article, f"title_{language}")
    summary = getattr(article, f"summary_{language}")
    assert f'<meta property="og:title" content="{title}">' in html
    assert f'<meta property="og:description" content="{summary}">' in html
    locales = {"ar": "ar_AR", "en": "en_GB"}
    assert f'<meta property="og:locale" content="{locales[language]}">' in html
    assert f'<meta property="og:locale:alternate" content="{locales[other]}">' in html


def test_home_page_is_a_website_with_its_own_title(client):
    html = client.get("/en/").content.decode()
    assert '<link rel="canonical" href="http://testserver/en/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/ar/">' in html
    assert '<meta property="og:type" content="website">' in html
    assert '<meta property="og:title" content="Mesotherapy explained, plainly">' in html
    html = client.get("/ar/").content.decode()
    assert '<meta property="og:title" content="الميزوثيرابي بوضوح ودون مبالغة">' in html


def test_robots_txt_points_at_the_sitemap_and_keeps_the_admin_out(client):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "User-agent: *" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/\n" in text
    assert "Disallow: /\n" not in text  # the articles stay open


@pytest.mark.parametrize("path", ["/ar/screener/", "/en/screener/", "/ar/search/", "/en/search/"])
def test_noindex_pages_stay_crawlable_so_their_noindex_is_seen(client, path):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: " + path not in text
    response = client.get(path)
    assert "noindex" in response["X-Robots-Tag"]


def test_robots_txt_does_not_reveal_a_moved_admin(client, settings):
    settings.ADMIN_URL = "staff-only-4f2a/"
    text = client.get("/robots.txt").content.decode()
    assert "staff-only" not in text and "/admin/" not in text


def test_sitemap_lists_the_about_page_in_both_languages(client, about_page):
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/ar/about/</loc>" in xml
    assert "<loc>http://testserver/en/about/</loc>" in xml
