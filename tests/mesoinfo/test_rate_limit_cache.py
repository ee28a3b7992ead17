"""Rate limits cannot be reset by flooding the page cache (issue 18).

The counts once shared a file cache with the cached pages, whose keys held the Host
header's port: 3,000 requests with varied ports filled it, and Django's cull (a random
third of the entries) took the counts with it. Now pages are keyed by the host without its
port, a foreign port is never cached, and the counts live in a cache of their own that
never drops a live entry.
"""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.middleware import MessageMiddleware
from django.core.cache import caches
from django.core.management import call_command
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views import View

from content.cache import CachedPageMixin
from content.models import Feedback

pytestmark = pytest.mark.django_db
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


def feedback_url(article):
    with translation.override("ar"):
        return reverse(
            "content:feedback", kwargs={"category": article.category.slug, "slug": article.slug}
        )


def folder(alias):
    return Path(django_settings.CACHES[alias]["LOCATION"])


def cached_files(alias):
    return list(folder(alias).glob("*.djcache"))


class PublicPage(CachedPageMixin, View):
    """A cached public page, cheap to render: the flood below costs seconds, not minutes."""

    def get(self, request):
        return HttpResponse("<p>A public page.</p>")


def anonymous_get(host):
    request = RequestFactory().get("/ar/", HTTP_HOST=host)
    request.user = AnonymousUser()
    request.session = {}
    MessageMiddleware(lambda request: None).process_request(request)  # its messages
    return request


def test_3000_requests_with_varied_ports_cannot_reset_the_rate_limit(client, article, settings):
    settings.FEEDBACK_RATE_LIMIT = "2/h"
    post = {"path": feedback_url(article), "data": {"helpful": "yes"}}
    origin = {"Origin": "http://testserver"}
    assert [client.post(**post, headers=origin).status_code for _ in range(3)] == [302, 302, 429]
    page = PublicPage.as_view()
    for port in range(1000, 4000):
        assert page(anonymous_get(f"testserver:{port}")).status_code == 200
    assert client.post(**post, headers=origin).status_code == 429
    assert Feedback.objects.count() == 2
    # The flood left no page behind: each foreign port was rendered, not stored.
    assert cached_files("pages") == []


def test_a_host_naming_the_sites_own_port_is_cached(client, article, django_assert_num_queries):
    """The site's own port (the test client's is 80) is a page like any other (cache_page
    keys it by its address as written: one more entry per page at most)."""
    first = client.get(article.get_absolute_url(), HTTP_HOST="testserver:80")
    with django_assert_num_queries(0):
        again = client.get(article.get_absolute_url(), HTTP_HOST="testserver:80")
    assert again.status_code == 200 and again["ETag"] == first["ETag"]
    assert again.content == first.content


def test_a_foreign_port_neither_reads_nor_fills_the_cache(client, article):
    """A Host with another port gets a page of its own (its links name that port), never
    stored: nobody else is served links to a port the site does not listen on."""
    odd = client.get(article.get_absolute_url(), HTTP_HOST="testserver:8443")
    assert "Expires" not in odd  # cache_page gives a page it stores an Expires header
    assert CANONICAL.search(odd.content.decode()).group(1).startswith("http://testserver:8443/")
    plain = client.get(article.get_absolute_url())
    assert CANONICAL.search(plain.content.decode()).group(1).startswith("http://testserver/")


def test_rate_limits_have_their_own_cache(settings, client, article):
    assert settings.RATELIMIT_USE_CACHE == "ratelimit"
    client.post(feedback_url(article), {"helpful": "no"}, headers={"Origin": "http://testserver"})
    assert len(cached_files("ratelimit")) == 1
    assert len({folder("ratelimit"), folder("default"), folder("pages")}) == 3


def test_the_rate_limit_cache_never_drops_a_live_count_and_the_daily_purge_empties_it():
    """Django's file cache culls a random third once full; the counters' cache is never
    culled, however many keys a flood brings, and purge_personal_data empties it daily."""
    counts = caches["ratelimit"]
    for n in range(3000):
        counts.set(f"live-{n}", n, timeout=3600)
    assert [counts.get(f"live-{n}") for n in range(3000)] == list(range(3000))
    call_command("purge_personal_data", verbosity=0, stdout=StringIO())
    assert cached_files("ratelimit") == []
    assert counts.get("live-1") is None
