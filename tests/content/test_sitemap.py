import re

import pytest
from django.utils import translation

from content.models import Article

pytestmark = pytest.mark.django_db


def test_sitemap_lists_published_articles_in_both_languages(client, article, make_article):
    draft = make_article(status=Article.Status.DRAFT)
    response = client.get("/sitemap.xml")
    xml = response.content.decode()
    assert response.status_code == 200
    for code in ("ar", "en"):
        with translation.override(code):
            assert f"<loc>http://testserver{article.get_absolute_url()}</loc>" in xml
            assert draft.get_absolute_url() not in xml
    assert 'hreflang="ar"' in xml and 'hreflang="en"' in xml
    assert "<loc>http://testserver/ar/</loc>" in xml and "<loc>http://testserver/en/</loc>" in xml


def test_every_address_in_the_sitemap_answers(client, article, about_page):
    """Every <loc> and every hreflang alternate is a page a visitor can open."""
    xml = client.get("/sitemap.xml").content.decode()
    addresses = set(re.findall(r"<loc>([^<]+)</loc>", xml))
    addresses |= set(re.findall(r'<xhtml:link[^>]*href="([^"]+)"', xml))
    assert len(addresses) >= 6
    for address in addresses:
        path = address.removeprefix("http://testserver")
        for accept in ("ar", "en"):
            response = client.get(path, HTTP_ACCEPT_LANGUAGE=accept, follow=True)
            assert response.status_code == 200, (path, accept)


@pytest.fixture
def small_pages(monkeypatch):
    """Sitemap pages of three items (LIMIT is 200), so that a few articles need several."""
    from content.sitemaps import I18nSitemap

    monkeypatch.setattr(I18nSitemap, "limit", 3)


def sitemap_queries(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for path in ("/sitemap.xml", "/sitemap-articles.xml", "/sitemap-articles.xml?p=2"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200, path
        counts[path] = len(queries)
    return counts


def test_a_large_site_gets_an_index_of_sitemap_pages_each_of_limited_size(
    client, small_pages, make_article
):
    articles = [make_article() for _ in range(4)]
    index = client.get("/sitemap.xml").content.decode()
    assert "<sitemapindex" in index
    pages = re.findall(r"<loc>http://testserver(/sitemap-articles\.xml[^<]*)</loc>", index)
    # Four articles in two languages: eight addresses, three a page.
    assert pages == [
        "/sitemap-articles.xml",
        "/sitemap-articles.xml?p=2",
        "/sitemap-articles.xml?p=3",
    ]
    listed = []
    for page in pages:
        xml = client.get(page.replace("&amp;", "&")).content.decode()
        listed += re.findall(r"<url>\s*<loc>([^<]+)</loc>", xml)
    for article in articles:
        for code in ("ar", "en"):
            with translation.override(code):
                assert listed.count(f"http://testserver{article.get_absolute_url()}") == 1
    assert client.get("/sitemap-articles.xml?p=4").status_code == 404


def test_sitemap_pages_cost_the_same_queries_with_more_articles(
    client, small_pages, make_article, django_assert_num_queries
):
    for _ in range(4):
        make_article()
    before = sitemap_queries(client)
    for _ in range(8):
        make_article()
    for path, count in before.items():
        with django_assert_num_queries(count):
            assert client.get(path).status_code == 200
