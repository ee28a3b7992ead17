"""A section's page lists a page of its articles, with links to the others: its cost does
not grow with the section."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from content.views import CategoryView

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_a_page(monkeypatch):
    monkeypatch.setattr(CategoryView, "paginate_by", 2)


def test_a_section_is_shown_a_page_at_a_time_with_numbered_links(
    client, two_a_page, make_article, category
):
    articles = [make_article(title_ar=f"مقالة القسم {n}", order=n) for n in range(5)]
    url = category.get_absolute_url()
    first = client.get(url).content.decode()
    assert "مقالة القسم 0" in first and "مقالة القسم 1" in first
    assert "مقالة القسم 2" not in first
    assert 'aria-label="صفحات هذا القسم"' in first
    assert 'href="?page=2"' in first and 'href="?page=3"' in first
    assert "الصفحة التالية" in first and "الصفحة السابقة" not in first
    last = client.get(url, {"page": 3}).content.decode()
    assert "مقالة القسم 4" in last and "مقالة القسم 0" not in last
    assert 'aria-current="page" href="?page=3"' in last
    # Back to the first page is the section's own address, the one that is cached.
    assert f'href="{url}">1</a>' in last
    assert len(articles) == 5
    with translation.override("en"):
        english = client.get(category.get_absolute_url()).content.decode()
    assert 'aria-label="Pages of this section"' in english and "Next page" in english


def test_a_page_that_does_not_exist_is_a_404_not_an_error(
    client, two_a_page, make_article, category
):
    make_article()
    url = category.get_absolute_url()
    assert client.get(url, {"page": 9}).status_code == 404
    assert client.get(url, {"page": "x"}).status_code == 404


def test_a_section_page_costs_the_same_queries_with_more_articles(
    client, two_a_page, make_article, category, django_assert_num_queries
):
    for n in range(3):
        make_article(order=n)
    url = category.get_absolute_url()
    counts = {}
    for query in ({}, {"page": 2}):
        client.get(url, query)
        rendered()
        with CaptureQueriesContext(connection) as queries:
            client.get(url, query)
        counts[str(query)] = (query, len(queries))
    for n in range(10):
        make_article(order=10 + n)
    for query, count in counts.values():
        client.get(url, query)
        rendered()
        with django_assert_num_queries(count):
            assert client.get(url, query).status_code == 200


def rendered():
    """The next request renders its page: the page cache emptied."""
    for cache in caches.all():
        cache.clear()
