"""The visitor's address behind reverse proxies, the refusal of unreadable form posts, and
the security headers the libraries do not set. (The Content-Security-Policy header is
django-csp's CSPMiddleware, as shipped.)

Rate limits (django-ratelimit) and admin login throttling (django-axes) key on the
client's address. Behind a proxy REMOTE_ADDR is the proxy's; with TRUSTED_PROXY_COUNT
set to the number of proxies in front of the site, the address is taken from
X-Forwarded-For instead, counting from the right so that a visitor cannot forge it.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers


def client_address(request):
    """The address of the client that reached our first trusted proxy."""
    count = settings.TRUSTED_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR", "")
    if count <= 0:
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [h for h in hops if h]
    if len(hops) < count:
        return remote
    return hops[-count]


class ClientAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.TRUSTED_PROXY_COUNT > 0:
            request.META["REMOTE_ADDR"] = client_address(request)
        return self.get_response(request)


def readable_charset(request):
    """Whether the body's declared charset, if any, is UTF-8, spelt as Django accepts it:
    Django refuses any other label on a form post, "utf8" and "us-ascii" included."""
    charset = (request.content_params or {}).get("charset")
    return not charset or charset.strip().lower() == "utf-8"


class RejectUnreadableCharsetMiddleware:
    """A body in another charset (utf-16, say) is refused with 415 before the CSRF check
    reads it: Django would decode it, fail, and fail again in its own 400 page (a 500).
    Must come after LocaleMiddleware (the page speaks the visitor's language) and before
    CsrfViewMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD", "OPTIONS") and not readable_charset(request):
            response = render(request, "415.html", status=415)
            add_never_cache_headers(response)
            return response
        return self.get_response(request)


class CrossOriginResourcePolicyMiddleware:
    """Cross-Origin-Resource-Policy on every response, static files included (it must
    come before whitenoise): no other site may load our pages or files into its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY
        )
        return response
