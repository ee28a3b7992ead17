"""The screener's middlewares, one job each:

- ScreenerPrivacyHeadersMiddleware: every response under the screener's address, errors
  included, is kept by no cache, transformed (compressed) by no proxy, indexed by no robot;
- PadScreenerPagesMiddleware: every screener page is padded to a whole number of
  PAGE_BUCKET bytes, so that its size does not tell the answers (screener.padding);
- ScreenerStateCookieMiddleware: writes the visitor's state cookie back when it changed;
- ForgetScreenerOnLeaveMiddleware: forgets the answers when the visitor opens a page
  outside the screener.
"""

from functools import cache
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control

from . import cookie
from .padding import padding_for
from .state import screener_state

ROBOTS = "noindex, nofollow"
PAGE_BUCKET = 16 * 1024


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


class ScreenerPrivacyHeadersMiddleware:
    """No-store and no-transform: a proxy that compressed a padded page would undo the
    padding (deploy/ turns compression off for these addresses too)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_screener_path(request):
            add_never_cache_headers(response)
            patch_cache_control(response, no_transform=True)
            response.setdefault("X-Robots-Tag", ROBOTS)
        return response


class PadScreenerPagesMiddleware:
    """An HTML page under the screener's address padded, before </body>, to the next
    multiple of PAGE_BUCKET bytes. The part of a page that reads the answers is already
    one size ({% fixed_size %}); this hides the rest (the clinic's details, titles)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_screener_path(request):
            pad_page(response)
        return response


def pad_page(response):
    if (
        response.streaming
        or response.has_header("Content-Encoding")
        or not response.get("Content-Type", "").startswith("text/html")
    ):
        return
    body, end, rest = response.content.rpartition(b"</body>")
    if not end:
        return
    response.content = body + padding_for(len(response.content), PAGE_BUCKET) + end + rest
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))


class ScreenerStateCookieMiddleware:
    """Set, renew or delete the state cookie, if this request changed the state."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        state = getattr(request, "_screener_state", None)
        if state is not None and state.changed:
            if not state.is_empty():
                cookie.write(response, state.as_dict())
            elif request.COOKIES.get(cookie.cookie_name()):
                cookie.delete(response)
        return response


class ForgetScreenerOnLeaveMiddleware:
    """A GET of any page outside the screener forgets the answers and the result (the
    state cookie middleware then writes the emptied state)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            request.method == "GET"
            and match is not None
            and match.namespace != "screener"
            and request.COOKIES.get(cookie.cookie_name())
            and not followed_from_result(request)
            and not getattr(view_func, "keeps_screener_answers", False)
        ):
            screener_state(request).leave()
