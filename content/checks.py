"""Deployment checks about the content itself (run by `manage.py check --deploy`)."""

from django.core import checks
from django.db import DatabaseError


@checks.register("content", deploy=True)
def check_named_reviewers(app_configs=None, databases=None, **kwargs):
    """Warn while published articles name a stand-in for the reviewing doctor."""
    from .models import Article

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
