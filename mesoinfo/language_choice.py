"""The language switcher remembers the visitor's choice (finding J1-9): its links pass
through choose_language, which sets Django's language cookie (LANGUAGE_COOKIE_NAME) and
goes on to the same page in that language. LocaleMiddleware reads the cookie when `/` is
opened, before the browser's Accept-Language; with neither, Arabic (LANGUAGE_CODE)."""

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path
from django.views.decorators.http import require_safe


def switch_url(code, target):
    """The switcher's link to `target`, a page in language `code`."""
    return f"{reverse('choose_language', args=[code])}?{urlencode({'next': target})}"


@require_safe
def choose_language(request, code):
    if code not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next", "")
    # Only a page of this site in the chosen language: never another host (an open
    # redirect), never a page in the other language under a misleading link.
    if not (
        target.startswith("/")
        and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
        and get_language_from_path(urlsplit(target).path) == code
    ):
        with translation.override(code):
            target = reverse("content:home")
    response = HttpResponseRedirect(target)
    remember_language(response, code)
    add_never_cache_headers(response)
    return response


def remember_language(response, code):
    """Set Django's language cookie to `code` on `response` (read by `/` next time)."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


# Passing through on the way to a screener page is not leaving the screener.
choose_language.keeps_screener_answers = True
