"""What the admin tells staff after a workflow step, shared by the edit form and the review."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from . import workflow


def publish_message(article, revision):
    """What became of the page, in words that claim a medical approval only when there was one."""
    medical = workflow.named_approval_date(revision) is not None
    if revision.status == revision.Status.SCHEDULED:
        when = date_format(timezone.localtime(workflow.go_live_time(revision)), "DATETIME_FORMAT")
        if medical:
            return _(
                "Approved. It replaces the live version on %(date)s; until then patients "
                "read the current one."
            ) % {"date": when}
        return _(
            "Scheduled: it replaces the live version on %(date)s; until then patients read "
            "the current one."
        ) % {"date": when}
    if article.published_at > timezone.now():
        when = date_format(timezone.localtime(article.published_at), "DATETIME_FORMAT")
        if medical:
            return _("Approved. It goes live on %(date)s.") % {"date": when}
        return _("Scheduled: it goes live on %(date)s.") % {"date": when}
    if medical:
        return _("Approved and published.")
    return _("Published. The page shows its medical review as pending.")
