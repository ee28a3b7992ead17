"""The visitor's address when the site runs behind reverse proxies.

Rate limits (django-ratelimit) and admin login throttling (django-axes) key on the
client's address. Behind a proxy REMOTE_ADDR is the proxy's; with TRUSTED_PROXY_COUNT
set to the number of proxies in front of the site, the address is taken from
X-Forwarded-For instead, counting from the right so that a visitor cannot forge it.
"""

from django.conf import settings


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
