"""Each process's own copy of the results pages it rendered, for the queries asked again.

Safe because (benchmarks/README.md, "Why the results cache is safe"):
- the key is an HMAC, with the site's secret key, of the language, the host and the
  normalised query: no query text in a key, and no guessing a query from its key by trying
  words without the secret;
- it lives in this process's memory only (a LocMemCache of its own, not CACHES' shared file
  or Redis cache, whose keys can be listed), at most MAX_ENTRIES pages, least recently used
  first out, each for at most SECONDS;
- each page holds the pages' generation it was rendered at (content/cache.py): any committed
  save of what a public page shows (an article, a category, a synonym...) on any machine, a
  scheduled publication or an expiry starts a new generation, and an older page is a miss;
- only a page that is the same for every visitor is kept: an anonymous visitor without
  messages, an address that is exactly `?q=<the normalised query>`, a 200 that set no
  cookie; nothing here writes a log line.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache.backends.locmem import LocMemCache
from django.utils.crypto import salted_hmac

from content.cache import canonical_host, is_own_port, pages_generation

# About 20 KB a page: a few megabytes per process at most.
MAX_ENTRIES = 300
SECONDS = 600

results_pages = LocMemCache(
    "mesoinfo-search-results",
    {"TIMEOUT": SECONDS, "OPTIONS": {"MAX_ENTRIES": MAX_ENTRIES, "CULL_FREQUENCY": 10}},
)


def normalise(query):
    """The query as the results page shows it: its words, one space apart."""
    return " ".join(query.split())


def key(request, language, query):
    """The cache key of the results page for this normalised query: a keyed hash only."""
    where = "\n".join((request.scheme, canonical_host(request), language, query))
    return "search:results:" + salted_hmac("search.cache", where).hexdigest()[:40]


def is_cacheable(request, query):
    """Whether the page for `query` (already normalised) is the same for every visitor
    who asks for this very address."""
    return (
        not settings.DEBUG  # a developer's edited template shows at once
        and request.method in ("GET", "HEAD")
        and request.META.get("QUERY_STRING", "") == urlencode({"q": query})
        and is_own_port(request)
        and not request.user.is_authenticated
        and len(get_messages(request)) == 0  # counting does not mark them as read
    )


def version():
    """The pages' generation a page is rendered at: read before the search, so that an edit
    committed during it leaves a page that is already out of date."""
    return pages_generation()


def get(name, at_version):
    """(content, content type) of the page stored under `name` at this version, or None."""
    stored = results_pages.get(name)
    if stored is not None and stored[0] == at_version:
        return stored[1:]
    return None


def keep(request, name, at_version, response):
    """Store a rendered page, unless it is one visitor's own."""
    if response.status_code != 200 or response.cookies:
        return
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return
    results_pages.set(name, (at_version, response.content, response["Content-Type"]))


def forget():
    results_pages.clear()
