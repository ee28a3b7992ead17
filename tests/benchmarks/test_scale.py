"""Every page costs the same number of queries with more articles (benchmarks/corpus.py
adds a few dozen here; benchmarks/run.py times 1,000)."""

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from benchmarks.corpus import REVISIONS, generate
from content.models import Article
from editorial.models import Revision

pytestmark = pytest.mark.django_db


def pages():
    article = Article.objects.published().filter(corpus_key="side-effects").get()
    return {
        "article": article.get_absolute_url(),
        "home": "/ar/",
        "category": article.category.get_absolute_url(),
        "sitemap": "/sitemap.xml",
        "screener question": "/ar/screener/question/1/",
        "search ar": "/ar/search/?q=الآثار+الجانبية",
        "search en": "/en/search/?q=side+effects",
        "admin article list": reverse("admin:content_article_changelist"),
        "admin article change": reverse("admin:content_article_change", args=[article.pk]),
    }


def counts(client):
    found = {}
    for name, url in pages().items():
        client.get(url)  # what a process keeps between requests (synonyms, the words)
        for cache in caches.all():
            cache.clear()  # every page rendered, not served from the page cache
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        found[name] = len(queries)
    return found


def test_queries_per_page_do_not_grow_with_the_corpus(admin_client):
    call_command("load_corpus", verbosity=0)
    corpus = Article.objects.published().count()
    before = counts(admin_client)
    added = generate(30)
    assert Article.objects.published().count() == corpus + 30
    assert Revision.objects.filter(article_id__in=added).count() == 30 * REVISIONS
    after = counts(admin_client)
    assert after == before


def queries_of(client, url):
    client.get(url)  # what a process keeps between requests
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


def test_the_admin_article_list_costs_the_same_queries_with_more_pages_of_articles(
    admin_client, django_assert_num_queries
):
    call_command("load_corpus", verbosity=0)
    url = reverse("admin:content_article_changelist")
    small = queries_of(admin_client, url)
    generate(60)  # more than a page of the list
    with django_assert_num_queries(small):
        html = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    # A page of the list, and the way to the next one.
    assert html.count('<td class="field-helpful_yes">') == 50
    assert "?p=2" in html
