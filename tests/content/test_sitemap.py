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
