"""Flood limits for consultation requests, counted per hour at three levels: the visitor
(their encrypted screener state), the address they send from (higher, since a carrier's
NAT puts many patients behind one address), and the whole site (a ceiling on floods
spread over many addresses). Only a request about to be stored spends an allowance."""

import time

from django.conf import settings
from django.core.cache import InvalidCacheBackendError, caches

HOUR = 60 * 60


def ratelimit_cache():
    """The cache that holds the counters: its own alias, which never culls, when there is one."""
    try:
        return caches["ratelimit"]
    except InvalidCacheBackendError:
        return caches["default"]


def per_hour(rate):
    """'20/h' -> 20 (the settings write limits per hour)."""
    count, _slash, period = str(rate).partition("/")
    if period not in ("h", "hour", ""):
        raise ValueError(f"limits are per hour: {rate!r}")
    return int(count)


def _spend(scope, limit):
    """Count one more request in this hour's window; whether it is still within `limit`."""
    cache = ratelimit_cache()
    key = f"screener:consultation:{scope}:{int(time.time()) // HOUR}"
    cache.add(key, 0, HOUR + 60)
    try:
        count = cache.incr(key)
    except ValueError:  # the key went between add and incr
        cache.set(key, 1, HOUR + 60)
        count = 1
    return count <= limit


def spend_allowance(request, state):
    """Use up one request's allowance; True when it may be stored. The visitor's own
    count is checked first, so one visitor's flood never spends the shared allowances."""
    if state.sends_in_the_last_hour() >= per_hour(settings.CONSULTATION_VISITOR_LIMIT):
        return False
    address = request.META.get("REMOTE_ADDR", "")
    if not _spend(f"ip:{address}", per_hour(settings.CONSULTATION_RATE_LIMIT)):
        return False
    return _spend("site", per_hour(settings.CONSULTATION_SITE_LIMIT))
