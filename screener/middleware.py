"""Keep the screener private, and forget it when the visitor leaves it.

Every response under the screener's address (its pages, and also a 404, a 405 or a
failed CSRF check there) is marked `Cache-Control: no-store` and `noindex`.

The outcome's summary stays in the session while the visitor is on screener pages
(the outcome and the consultation request). Opening any other page of the site
drops it, so no health information lingers in the session.
"""

from functools import cache

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from .state import SESSION_KEY

ROBOTS = "noindex, nofollow"


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
    # from another app's catch-all pattern.
    match = request.resolver_match
    if match is not None and match.namespace == "screener":
        return True
    return request.path_info.startswith(screener_prefixes())


class ForgetScreenerOnLeaveMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_screener_path(request):
            add_never_cache_headers(response)
            response.setdefault("X-Robots-Tag", ROBOTS)
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
