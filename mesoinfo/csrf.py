"""The page shown when a form's CSRF check fails (settings.CSRF_FAILURE_VIEW), and the
same-origin check that stands in for a token on anonymous forms of cached pages.

Django's own page is unstyled and in English or a stock translation. This one speaks
the visitor's language, says what to do, links back to the page the form came from
(when that page is on this site), and is kept out of caches and search engines.
"""

import functools
from urllib.parse import urlsplit

from django.conf import settings
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt


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


def origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def is_same_origin(request):
    """True when the browser vouches that the request comes from a page of this site.

    Browsers send Sec-Fetch-Site and Origin with every POST; each one present must name this
    site, and a request with neither must have a Referer on this site (as Django's own check
    asks over HTTPS). A request with none of the three is refused.
    """
    own = {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site != "same-origin":
        return False
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin in own
    if fetch_site is not None:
        return True
    return origin_of(request.headers.get("Referer", "")) in own


def same_origin_post(view):
    """Exempt `view` from the CSRF token check and refuse, with the CSRF failure page, a POST
    that does not come from this site. For anonymous forms on cached pages: the page then
    holds no per-visitor token and is the same bytes for everyone."""

    @csrf_exempt
    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        if request.method == "POST" and not is_same_origin(request):
            return csrf_failure(request, reason="The POST does not come from this site.")
        return view(request, *args, **kwargs)

    return checked
