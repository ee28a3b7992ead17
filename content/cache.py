"""Rendered public pages, cached per release, address and language, with ETags.

Every page is stored under the current *content version*, a token that staff edits replace
(signals.py), so an edit shows at once; it also expires after PAGE_CACHE_SECONDS and before
the next scheduled publication. Only what is the same for every visitor is cached: anonymous
GET/HEAD requests without a query string or pending messages, for the site's own port.
"""

import hashlib
import secrets
import time

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language, get_language_from_path

from mesoinfo.release import release_id


def shared_cache():
    """Pages and their version, seen by every process."""
    return caches["default"]


def local_cache():
    """This process's copy of the pages it served, so a hit needs no file read."""
    return caches["local"]


def version_key():
    # Per release: a deployment never serves pages rendered by the code before it.
    return f"content:page-version:{release_id()}"


def page_cache_seconds():
    return settings.PAGE_CACHE_SECONDS


def seconds_to_next_publication():
    """Seconds until the next scheduled article goes live or a live one expires, or None."""
    from .models import Article

    upcoming = Article.objects.next_publication_change()
    if upcoming is None:
        return None
    return max(1, int((upcoming - timezone.now()).total_seconds()) + 1)


def shared_version():
    """The current version, or None (Django's cache API: a file read on the file cache)."""
    return shared_cache().get(version_key())


def content_version():
    """The current version token, '<unix time>.<random>'; made anew when missing."""
    version = shared_version()
    if version is None:
        version = f"{int(time.time())}.{secrets.token_hex(4)}"
        timeout = page_cache_seconds()
        upcoming = seconds_to_next_publication()
        if upcoming is not None:
            timeout = min(timeout, upcoming)
        shared_cache().set(version_key(), version, timeout)
    return version


def bump_content_version(**_kwargs):
    """Forget every cached page when the transaction commits: the next request starts a new
    version. Until then other processes still read the rows as they were, so their pages
    stay right; a transaction rolled back changes nothing and clears nothing."""
    transaction.on_commit(forget_pages)


def forget_pages():
    shared_cache().delete(version_key())


def canonical_host(request):
    """The host name the page is for, without a port."""
    return split_domain_port(request.get_host())[0]


def is_own_port(request):
    """False when Host names a port other than the one the request came in on: each such
    port would be a page of its own, rendered with that port in its links."""
    port = split_domain_port(request.get_host())[1]
    return not port or port == str(request.get_port())


def is_public_request(request):
    """A GET or HEAD of an address as it is (no query string, not even "?&"), for the site's
    own port."""
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and is_own_port(request)
    )


def is_shareable_request(request):
    """True when the page this request gets is the same for every visitor."""
    if not is_public_request(request) or request.user.is_authenticated:
        return False
    return len(get_messages(request)) == 0  # counting does not mark them as read


def is_cookieless_visit(request):
    """A public request that brings no cookie but the CSRF and language ones: no session (so
    not staff, no screener answers) and no messages waiting, without looking at either."""
    # The language cookie (the switcher's choice) changes only where `/` leads.
    allowed = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
    return set(request.COOKIES) <= allowed and is_public_request(request)


def page_key(request, language=None):
    """The cache key of the page this request asks for, whatever its version."""
    language = language or get_language()
    where = f"{request.scheme}|{canonical_host(request)}|{request.path}|{language}"
    # One cache entry per page, holding the version it was rendered at: a page of an older
    # version is a miss and is overwritten, so old versions never pile up in the cache.
    return "content:page:" + hashlib.sha256(where.encode()).hexdigest()[:16]


def page_validators(key, version):
    """The ETag and Last-Modified of this page at this version."""
    return f'"{version}-{key.rsplit(":", 1)[1]}"', int(version.split(".", 1)[0])


def cached_page(key, version):
    """(version, content, content type) of this page at this version, or None."""
    for cache in (local_cache(), shared_cache()):
        cached = cache.get(key)
        if cached is not None and cached[0] == version:
            if cache is not local_cache():
                local_cache().set(key, cached, page_cache_seconds())
            return cached
    return None


def keep_page(key, cached):
    for cache in (shared_cache(), local_cache()):
        cache.set(key, cached, page_cache_seconds())


# The request headers get_conditional_response reads.
CONDITIONAL_HEADERS = frozenset(
    f"HTTP_IF_{name}" for name in ("MATCH", "NONE_MATCH", "MODIFIED_SINCE", "UNMODIFIED_SINCE")
)


def page_response(request, cached, etag, last_modified, language):
    """The stored page, or 304 when the browser's copy is current."""
    _version, content, content_type = cached
    not_modified = None
    if CONDITIONAL_HEADERS.intersection(request.META):  # most visits bring none
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    response = not_modified or HttpResponse(content, content_type=content_type)
    if not not_modified:
        response["Content-Length"] = len(content)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    # Set, not patched: the response is new and has neither header yet.
    response["Cache-Control"] = "no-cache"  # may be stored; revalidate each time
    response["Vary"] = "Cookie"  # staff, with their session, get their own
    response["Content-Language"] = language  # as LocaleMiddleware says it
    return response


# The addresses this process has served a stored page for (whatever the language, host or
# version): a set that only grows with the site's own pages, for CachedPageMiddleware to
# pass every other address (a screener question, a search) on at the cost of one look-up.
SERVED_PATHS = set()


class CachedPageMixin:
    """For public views whose page depends only on the content, language and address."""

    def dispatch(self, request, *args, **kwargs):
        if not is_shareable_request(request):
            return super().dispatch(request, *args, **kwargs)
        version, key = content_version(), page_key(request)
        etag, last_modified = page_validators(key, version)
        cached = cached_page(key, version)
        if cached is None:
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            if response.status_code != 200 or response.cookies:
                return response  # an error, or a page that set a cookie: never shared
            if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
                patch_cache_control(response, private=True)
                return response  # it holds this visitor's CSRF token: never shared
            cached = (version, response.content, response["Content-Type"])
            keep_page(key, cached)
        SERVED_PATHS.add(request.path)
        return page_response(request, cached, etag, last_modified, get_language())


class CachedPageMiddleware:
    """Serves stored pages early, before sessions, the language, messages, CSRF and the URL
    resolver: right after whitenoise, as cheaply as a static file.

    Only to visitors without cookies that could make a page their own; everyone else goes
    on to the views, whose CachedPageMixin stores the pages and serves the rest. The page's
    language is the one its address names (every stored page is under i18n_patterns).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Only pages this process has served before: other addresses (the screener, search)
        # cost one look into a set, not a read of the shared cache.
        if (
            request.path in SERVED_PATHS
            and is_cookieless_visit(request)
            and (language := get_language_from_path(request.path_info))
            and (cached := local_cache().get(key := page_key(request, language)))
            and cached[0] == (version := content_version())
        ):
            return page_response(request, cached, *page_validators(key, version), language)
        return self.get_response(request)
