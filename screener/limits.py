"""Flood limits for consultation requests, counted per hour at three levels: the visitor
(their encrypted screener state), the network they send from, and the whole site.

The network is the address's /64 for IPv6 (one household or phone gets a whole /64, so
counting single addresses would let one sender use millions) and the address itself for
IPv4 (higher than a visitor's, since a carrier's NAT puts many patients behind one).
The site-wide count never refuses anyone: past it the site is "busy", the form asks for
more time before it is sent (a flood is typed by a program) and reception is told once.

Counters are exact under parallel requests: Redis INCR when REDIS_URL is set (several
machines), else a database row locked while it is counted (select_for_update).
Only a request about to be stored spends an allowance.
"""

import ipaddress
import time
from datetime import timedelta
from functools import cache

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import RateCounter

HOUR = 60 * 60
ALLOWED, LIMITED, BUSY = "allowed", "limited", "busy"


def per_hour(rate):
    """'20/h' -> 20 (the settings write limits per hour)."""
    count, _slash, period = str(rate).partition("/")
    if period not in ("h", "hour", ""):
        raise ValueError(f"limits are per hour: {rate!r}")
    return int(count)


def network_of(address):
    """The network a limit counts: an IPv6 address's /64, an IPv4 address itself."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "unknown"
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return f"{ip}/32"


def window_key(scope):
    return f"screener:consultation:{scope}:{int(time.time()) // HOUR}"


@cache
def redis_client(url):
    import redis

    return redis.Redis.from_url(url)


def count_one(key):
    """Add one to this hour's counter `key`; the new count, exact under parallel requests."""
    url = getattr(settings, "REDIS_URL", "")
    if url:
        client = redis_client(url)
        with client.pipeline() as pipe:
            pipe.incr(key)
            pipe.expire(key, HOUR + 60)
            count, _expiry = pipe.execute()
        return int(count)
    return count_in_database(key)


def count_in_database(key):
    expires = timezone.now() + timedelta(seconds=HOUR + 60)
    for _attempt in range(3):
        try:
            with transaction.atomic():
                counter, _created = RateCounter.objects.select_for_update().get_or_create(
                    key=key, defaults={"expires_at": expires}
                )
                RateCounter.objects.filter(pk=counter.pk).update(count=F("count") + 1)
                counter.refresh_from_db(fields=["count"])
                return counter.count
        except IntegrityError:  # created by a parallel request between get and create
            continue
    raise RuntimeError(f"could not count {key}")


def current(key):
    url = getattr(settings, "REDIS_URL", "")
    if url:
        return int(redis_client(url).get(key) or 0)
    return RateCounter.objects.filter(key=key).values_list("count", flat=True).first() or 0


def forget_old_counters():
    """Rows of past hours (the purge command calls this)."""
    return RateCounter.objects.filter(expires_at__lt=timezone.now()).delete()[0]


def site_is_busy():
    """More requests this hour than the site-wide allowance: the form asks for more time."""
    return current(window_key("site")) >= per_hour(settings.CONSULTATION_SITE_LIMIT)


def spend_allowance(request, state):
    """Use up one request's allowance: ALLOWED, LIMITED (this visitor or network has sent
    its share this hour) or BUSY (allowed, and the site-wide count has just passed its
    limit: the caller tells reception). The visitor's own count is checked first, so one
    visitor's flood never spends the shared allowances."""
    if state.sends_in_the_last_hour() >= per_hour(settings.CONSULTATION_VISITOR_LIMIT):
        return LIMITED
    network = network_of(request.META.get("REMOTE_ADDR", ""))
    if count_one(window_key(f"net:{network}")) > per_hour(settings.CONSULTATION_RATE_LIMIT):
        return LIMITED
    site = count_one(window_key("site"))
    return BUSY if site == per_hour(settings.CONSULTATION_SITE_LIMIT) + 1 else ALLOWED
