"""Deployment checks about the content itself (run by `manage.py check --deploy`)."""

from django.core import checks
from django.core.cache import cache
from django.db import DatabaseError

from .models import Article


@checks.register("content", deploy=True)
def check_named_reviewers(app_configs=None, databases=None, **kwargs):
    """Warn while published articles name a stand-in for the reviewing doctor."""
    try:
        count = Article.objects.published().filter(reviewer__is_placeholder=True).count()
    except DatabaseError:  # not migrated yet: nothing is published
        return []
    if not count:
        return []
    return [
        checks.Warning(
            f"{count} published article(s) name a stand-in medical reviewer, not a doctor.",
            hint=(
                "In the admin, enter the reviewing doctor's name and credentials under Medical "
                "reviewers and untick 'stands in for a doctor not yet named'."
            ),
            id="content.W001",
        )
    ]


@checks.register("content", deploy=True)
def check_cache_writable(app_configs=None, **kwargs):
    """Cached pages and rate limits need a cache this process can write and read back."""
    try:
        cache.set("content:deploy-check", "ok", 10)
        readable = cache.get("content:deploy-check") == "ok"
    except Exception as error:  # noqa: BLE001 (any backend's failure is the finding)
        readable, reason = False, str(error)
    else:
        reason = "the value written could not be read back"
    if readable:
        return []
    return [
        checks.Error(
            f"The cache cannot be used: {reason}.",
            hint="Make CACHE_DIR a folder this process may write to, or check REDIS_URL.",
            id="content.E002",
        )
    ]
