"""The page shown when a form's CSRF check fails (settings.CSRF_FAILURE_VIEW).

Django's own page is unstyled and in English or a stock translation. This one speaks
the visitor's language, says what to do, links back to the page the form came from
(when that page is on this site), and is kept out of caches and search engines.
"""

from urllib.parse import urlsplit

from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme


def back_url(request):
    """The page the visitor came from, as a path on this site; None if it was elsewhere."""
    referer = request.headers.get("Referer", "")
    if not is_on_this_site(request, referer):
        return None
    parts = urlsplit(referer)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    # The path is checked again on its own: "https://host/\evil.example" is on this site,
    # but its path "/\evil.example" is read by browsers as "//evil.example", another site.
    if path.startswith("/") and is_on_this_site(request, path):
        return path
    return None


def is_on_this_site(request, url):
    return url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def csrf_failure(request, reason=""):
    """The reason is for developers; the visitor reads what to do next."""
    context = {"back_url": back_url(request)}
    response = render(request, "403_csrf.html", context, status=403)
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
