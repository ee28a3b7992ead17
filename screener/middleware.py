"""Keep the screener private, write its state cookie back, and forget the answers when the
visitor leaves it.

Every response under the screener's address, errors included, is no-store and noindex,
and padded to a multiple of PAGE_BUCKET bytes so that its size does not tell the answers.
"""

import time
from functools import cache
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import http_date

from . import cookie
from .state import screener_state

ROBOTS = "noindex, nofollow"
NEVER_CACHE = "max-age=0, no-cache, no-store, must-revalidate, private"
PAGE_BUCKET = 16 * 1024
PADDING = b"<!--%s-->"
# The earlier design's second cookie: deleted, with the flags it was set with, wherever a
# browser still sends it.
LEGACY_STARTED_COOKIE = "screener_started"


@cache
def screener_prefixes():
    """The screener's address in every language, e.g. ("/ar/screener/", "/en/screener/")."""
    prefixes = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            prefixes.append(reverse("screener:start"))
    return tuple(prefixes)


@cache
def result_paths():
    """The result page's address in every language."""
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse("screener:outcome"))
    return frozenset(paths)


def followed_from_result(request):
    """A link on the result page was followed (this site's Referer, same-origin policy).

    The result tells patients to read on and come back with it for their doctor: one
    step away from it (an article, a reason, the footer) keeps the answers; the next page
    opened from there forgets them as before.
    """
    referer = urlsplit(request.headers.get("Referer", ""))
    return referer.netloc == request.get_host() and referer.path in result_paths()


def is_screener_path(request):
    # By address, not by view: a 404 under the screener may come from no view at all, or
    # from another app's catch-all pattern. request.path, like reverse(), includes the
    # script prefix when the site runs under one.
    return request.path.startswith(screener_prefixes())


def never_cache(response):
    """add_never_cache_headers(response), written at once on a response with neither header
    yet (nearly every one) instead of parsing and rebuilding Cache-Control twice."""
    if response.has_header("Cache-Control") or response.has_header("Expires"):
        add_never_cache_headers(response)
        return
    response["Expires"] = http_date(time.time())
    response["Cache-Control"] = NEVER_CACHE


def has_state_cookie(request):
    return bool(request.COOKIES.get(cookie.cookie_name()))


def write_state(request, response):
    """Set, renew or delete the state cookie, if this request changed the state."""
    state = getattr(request, "_screener_state", None)
    if state is None or not state.changed:
        return
    if state.is_empty():
        if has_state_cookie(request):
            cookie.delete(response)
    else:
        cookie.write(response, state.as_dict())


def pad_to_bucket(response):
    """Pad an HTML page with a comment to the next multiple of PAGE_BUCKET bytes."""
    if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
        return
    content = response.content
    if b"</body>" not in content:
        return
    room = -(len(content) + len(PADDING % b"")) % PAGE_BUCKET
    filler = PADDING % (b" " * room)
    response.content = content.replace(b"</body>", filler + b"</body>", 1)
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))


def delete_legacy_cookie(request, response):
    if LEGACY_STARTED_COOKIE in request.COOKIES:
        response.delete_cookie(
            LEGACY_STARTED_COOKIE,
            path=settings.SESSION_COOKIE_PATH,
            domain=settings.SESSION_COOKIE_DOMAIN,
            samesite=settings.SESSION_COOKIE_SAMESITE,
        )
        response.cookies[LEGACY_STARTED_COOKIE]["httponly"] = True
        response.cookies[LEGACY_STARTED_COOKIE]["secure"] = settings.SESSION_COOKIE_SECURE


class ForgetScreenerOnLeaveMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_screener_path(request):
            never_cache(response)
            response.setdefault("X-Robots-Tag", ROBOTS)
            pad_to_bucket(response)
        write_state(request, response)
        delete_legacy_cookie(request, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            request.method == "GET"
            and match is not None
            and match.namespace != "screener"
            and has_state_cookie(request)
            and not followed_from_result(request)
        ):
            screener_state(request).leave()
