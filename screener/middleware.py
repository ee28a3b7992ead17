"""Keep the screener private, and forget it when the visitor leaves it.

Every response under the screener's address (its pages, and also a 404, a 405 or a
failed CSRF check there) is marked `Cache-Control: no-store` and `noindex`.

The outcome's summary stays in the session while the visitor is on screener pages
(the outcome and the consultation request). Opening any other page of the site
drops it, so no health information lingers in the session.

While the session holds the screener, the browser also keeps STARTED_COOKIE, which
holds no answers: only that this browser has begun. Sessions are signed cookies, so a
tampered or expired one arrives empty; this second cookie is then the only sign that
the visitor had answers and lost them, rather than never having begun. It goes
whenever the site itself forgets the screener (finishing a request, starting again,
leaving), so a visitor cleared by the site is never told their answers were lost.
"""

from functools import cache

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from .state import SESSION_KEY

ROBOTS = "noindex, nofollow"
STARTED_COOKIE = "screener_started"


@cache
def screener_prefixes():
    """The screener's address in every language, e.g. ("/ar/screener/", "/en/screener/")."""
    prefixes = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            prefixes.append(reverse("screener:start"))
    return tuple(prefixes)


def is_screener_path(request):
    # By address, not by view: a 404 under the screener may come from no view at all, or
    # from another app's catch-all pattern. request.path, like reverse(), includes the
    # script prefix when the site runs under one.
    return request.path.startswith(screener_prefixes())


def has_started_cookie(request):
    return bool(request.COOKIES.get(STARTED_COOKIE))


def keep_started_cookie_in_step(request, response):
    """STARTED_COOKIE while the session holds the screener, and not otherwise."""
    started = SESSION_KEY in request.session
    if started and not has_started_cookie(request):
        response.set_cookie(
            STARTED_COOKIE,
            "1",
            path=settings.SESSION_COOKIE_PATH,
            domain=settings.SESSION_COOKIE_DOMAIN,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite=settings.SESSION_COOKIE_SAMESITE,
        )
    elif not started and has_started_cookie(request):
        response.delete_cookie(
            STARTED_COOKIE,
            path=settings.SESSION_COOKIE_PATH,
            domain=settings.SESSION_COOKIE_DOMAIN,
            samesite=settings.SESSION_COOKIE_SAMESITE,
        )


class ForgetScreenerOnLeaveMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        on_screener = is_screener_path(request)
        if on_screener:
            add_never_cache_headers(response)
            response.setdefault("X-Robots-Tag", ROBOTS)
        # Elsewhere the session is looked at only for a browser with the cookie.
        if on_screener or has_started_cookie(request):
            keep_started_cookie_in_step(request, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            request.method == "GET"
            and match is not None
            and match.namespace != "screener"
            and SESSION_KEY in request.session
        ):
            del request.session[SESSION_KEY]
