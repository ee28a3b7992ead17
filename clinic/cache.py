"""The clinic profile is read by every page: keep one copy in the shared cache."""

from django.core.cache import cache
from django.db import transaction

CACHE_KEY = "clinic:profile:v1"
CACHE_SECONDS = 60 * 60


def cached_profile():
    """The profile (or an empty unsaved one), from the cache when it is there."""
    from .models import ClinicProfile

    profile = cache.get(CACHE_KEY)
    if profile is None:
        profile = ClinicProfile.load()
        cache.set(CACHE_KEY, profile, CACHE_SECONDS)
    return profile


def forget_profile(**_kwargs):
    """Drop the cached copy now and again on commit (another process may read in between)."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))
