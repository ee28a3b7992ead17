"""Public pages cached through Django's own cache framework (djangoproject.com's pattern):
`cache_page` on a cache of their own, CACHES["pages"], which every edit to a model a public
page shows clears once its transaction commits (content/signals.py). ETags and 304s come
from ConditionalGetMiddleware.

Only what is the same for every visitor is cached: anonymous GET/HEAD requests without a
query string or pending messages, for the site's own port, whose page set no cookie and
holds no CSRF token. Keys are per address, language and release (a deployment never serves
the pages of the code before it). A page is kept PAGE_CACHE_SECONDS at most, and never past
the next scheduled publication.
"""

import secrets
from functools import wraps

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.db import transaction
from django.http.request import split_domain_port
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import lazy
from django.utils.http import http_date
from django.views.decorators.cache import cache_page

from mesoinfo.release import release_id

PAGES = "pages"  # the alias in settings.CACHES
GENERATION = "content:generation"


def forget_pages(**_kwargs):
    """Forget every cached page when the transaction commits (a signal receiver). Until then
    other processes still read the rows as they were, so their pages stay right; a
    transaction rolled back clears nothing."""
    transaction.on_commit(caches[PAGES].clear)


def pages_generation():
    """A token that changes whenever the cached pages are forgotten (an edit committed on any
    machine empties the shared pages cache, and this token with it), at the next scheduled
    publication and at the latest after PAGE_CACHE_SECONDS: what a cache kept elsewhere, such
    as each process's search results, checks its entries against."""
    pages = caches[PAGES]
    token = pages.get(GENERATION)
    if token is None:
        seconds = settings.PAGE_CACHE_SECONDS
        upcoming = seconds_to_next_publication()
        if upcoming is not None:
            seconds = min(seconds, upcoming)
        pages.add(GENERATION, secrets.token_hex(8), seconds)
        token = pages.get(GENERATION, "")
    return token


def canonical_host(request):
    """The host name a page is for, without a port."""
    return split_domain_port(request.get_host())[0]


def seconds_to_next_publication():
    """Seconds until the next scheduled article goes live or a live one expires, or None."""
    from .models import Article

    upcoming = Article.objects.next_publication_change()
    if upcoming is None:
        return None
    return max(1, int((upcoming - timezone.now()).total_seconds()) + 1)


def is_own_port(request):
    """False when Host names a port other than the one the request came in on: each such
    port would be a page of its own, rendered with that port in its links."""
    port = split_domain_port(request.get_host())[1]
    return not port or port == str(request.get_port())


def is_shareable_request(request):
    """True when the page this request gets is the same for every visitor."""
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")  # not even "?&": each would be a page
        and is_own_port(request)
        and not request.user.is_authenticated
        and len(get_messages(request)) == 0  # counting does not mark them as read
    )


def shared_only(view):
    """The view, its response marked private (which cache_page never stores) when it is one
    visitor's own: it set a cookie, or holds a CSRF token (get_token was called)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if callable(getattr(response, "render", None)):
            response = response.render()
        if response.status_code != 200:
            return response  # cache_page keeps only 200s
        if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            patch_cache_control(response, private=True)
            return response
        seconds = settings.PAGE_CACHE_SECONDS
        upcoming = seconds_to_next_publication()
        if upcoming is not None:
            seconds = min(seconds, upcoming)
        patch_cache_control(response, max_age=seconds)  # how long cache_page keeps it
        response["Last-Modified"] = http_date()
        return response

    return wrapped


# Read at each look-up, so that a test (or a reload) with another release misses.
release_prefix = lazy(lambda: release_id(), str)()


def cached_page(view):
    """`view` with its shareable requests served through cache_page on CACHES["pages"]."""
    # No timeout of its own: cache_page then keeps each page for its max-age (shared_only).
    stored = cache_page(None, cache=PAGES, key_prefix=release_prefix)(shared_only(view))

    @wraps(view)
    def serve(request, *args, **kwargs):
        if not is_shareable_request(request):
            return view(request, *args, **kwargs)
        response = stored(request, *args, **kwargs)
        if "private" not in response.get("Cache-Control", ""):
            # Browsers may keep it, but ask each time (a 304 from ConditionalGetMiddleware
            # while it is unchanged), so that an edit shows at once.
            patch_cache_control(response, no_cache=True)
        return response

    return serve


class CachedPageMixin:
    """For public class-based views whose page depends only on the content, language and
    address."""

    @classmethod
    def as_view(cls, **initkwargs):
        return cached_page(super().as_view(**initkwargs))
