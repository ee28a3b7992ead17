"""The admin home's "Your work" box: reviews waiting, drafts sent back, overdue reviews,
what is scheduled, and the reports."""

from django import template
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import pgettext

from content.models import PUBLISH_PERMISSION, Article
from editorial import notifications, reports
from editorial.models import ChangeRequest, Revision

register = template.Library()
LIMIT = 20


@register.inclusion_tag("editorial/dashboard.html", takes_context=True)
def editorial_dashboard(context):
    user = context["request"].user
    if not user.is_authenticated:
        return {"dashboard": None}
    may_review = user.has_perm(PUBLISH_PERMISSION)
    may_edit = user.has_perm("content.change_article")
    dashboard = {"may_review": may_review, "may_edit": may_edit, "is_superuser": user.is_superuser}
    if may_review:
        dashboard["to_review"] = (
            Revision.objects.filter(status=Revision.Status.SUBMITTED)
            .select_related("article")
            .order_by("submitted_at")[:LIMIT]
        )
        dashboard["changes"] = ChangeRequest.objects.filter(
            status=ChangeRequest.Status.PENDING
        ).order_by("created_at")[:LIMIT]
    if may_edit:
        # Only while the sent-back version is still the newest: a fix supersedes it.
        dashboard["sent_back"] = Revision.objects.filter(
            author=user, status=Revision.Status.SENT_BACK, article__latest_revision=F("pk")
        ).select_related("article")[:LIMIT]
        dashboard["overdue"] = (
            Article.objects.exclude(status=Article.Status.ARCHIVED)
            .filter(next_review_due__lt=timezone.localdate())
            .order_by("next_review_due")[:LIMIT]
        )
    if not (may_review or may_edit):
        return {"dashboard": None}
    # What goes live or comes off the site next, soonest first (review: Reports row).
    going_live, coming_off = reports.scheduled(LIMIT)
    dashboard["scheduled"] = sorted(
        [{**row, "goes_live": True} for row in going_live] + coming_off,
        key=lambda row: row["when"],
    )[:LIMIT]
    return {"dashboard": dashboard}


@register.filter
def staff_name(user):
    """A member of staff by full name (the site's first, imported version when no one)."""
    return notifications.staff_name(user)


@register.filter
def as_list(items):
    """Items joined with the language's list separator (the Arabic comma in Arabic)."""
    return pgettext("list separator", ", ").join(str(item) for item in items)


@register.inclusion_tag("editorial/clinic_warning.html", takes_context=True)
def clinic_profile_warning(context):
    """A plain warning on the admin home while the clinic has no name or telephone: every
    page, and the same-day care advice, would send patients to a clinic they cannot reach."""
    from clinic.models import ClinicProfile

    user = context["request"].user
    profile = ClinicProfile.load()
    if not user.is_authenticated or (profile.legal_name and profile.phone):
        return {"warning": None}
    if profile.pk:
        link = reverse("admin:clinic_clinicprofile_change", args=[profile.pk])
        may_fix = user.has_perm("clinic.change_clinicprofile")
    else:
        link = reverse("admin:clinic_clinicprofile_add")
        may_fix = user.has_perm("clinic.add_clinicprofile")
    return {"warning": {"missing": profile.missing_fields(), "link": link if may_fix else None}}
