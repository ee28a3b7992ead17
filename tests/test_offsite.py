"""No page asks the browser to fetch anything from another host (no CDN, no font service)."""

import re

import pytest

pytestmark = pytest.mark.django_db

RESOURCE = re.compile(
    r"<(?:script|img|iframe|source|video|audio)\b[^>]*\bsrc=\"([^\"]+)\""
    r"|<link\b[^>]*\bhref=\"([^\"]+)\"[^>]*>"
)


def fetched_urls(html):
    urls = []
    for match in RESOURCE.finditer(html):
        tag = match.group(0)
        if tag.startswith("<link") and ('rel="alternate"' in tag or 'rel="canonical"' in tag):
            continue  # links to our own pages, never fetched by the browser
        urls.append(match.group(1) or match.group(2))
    return urls


def test_public_pages_fetch_only_from_their_own_origin(client, article):
    pages = ["/ar/", "/en/", article.get_absolute_url(), article.category.get_absolute_url()]
    for page in pages:
        urls = fetched_urls(client.get(page).content.decode())
        assert urls, page
        offsite = [u for u in urls if re.match(r"(https?:)?//", u)]
        assert offsite == [], (page, offsite)


def test_admin_fetches_only_from_its_own_origin(admin_client, article):
    for page in [
        "/admin/",
        "/admin/content/article/add/",
        f"/admin/content/article/{article.pk}/change/",
    ]:
        urls = fetched_urls(admin_client.get(page).content.decode())
        offsite = [u for u in urls if re.match(r"(https?:)?//", u)]
        assert offsite == [], (page, offsite)


def test_stylesheet_fonts_are_self_hosted():
    from pathlib import Path

    css = (Path(__file__).resolve().parent.parent / "static" / "css" / "site.css").read_text()
    assert "@import" not in css
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css)
