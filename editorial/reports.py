"""Reports for the clinic's staff: the site-wide audit log (administrators), the
workflow report (what waits for review, for how long; what is overdue), the articles
someone has open for editing, and what is scheduled to go live or come off the site."""

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from content.models import PUBLISH_PERMISSION, Article
from mesoinfo.read_only_admin import ReadOnlyAdminMixin
from staff.change_messages import change_message

from . import audit, locking, workflow
from .models import ChangeRequest, EditLock, Revision
from .notifications import staff_name

# The most rows a report lists (each list is ordered, soonest or oldest first).
REPORT_LIMIT = 200


class AuditLog(LogEntry):
    """Django's admin log under the name the report has in the menu."""

    class Meta:
        proxy = True
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")


@admin.register(AuditLog)
class AuditLogAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Who did what, when, to which object: every change made in the admin, filterable."""

    list_display = ["when", "who", "action", "kind", "what", "details"]
    list_filter = ["action_flag", "content_type", ("user", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["object_repr", "change_message", "user__username", "user__first_name"]
    date_hierarchy = "action_time"
    list_select_related = ["user", "content_type"]
    list_display_links = None
    ordering = ["-action_time", "-pk"]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    @admin.display(description=_("when"), ordering="action_time")
    def when(self, entry):
        return date_format(timezone.localtime(entry.action_time), "DATETIME_FORMAT")

    @admin.display(description=_("who"), ordering="user")
    def who(self, entry):
        return staff_name(entry.user)

    @admin.display(description=_("action"), ordering="action_flag")
    def action(self, entry):
        labels = {1: _("Added"), 2: _("Changed"), 3: _("Deleted")}
        return labels.get(entry.action_flag, "")

    @admin.display(description=_("kind"), ordering="content_type")
    def kind(self, entry):
        model = entry.content_type.model_class() if entry.content_type else None
        return model._meta.verbose_name if model else ""

    @admin.display(description=_("object"))
    def what(self, entry):
        url = entry.get_admin_url() if entry.action_flag != 3 else ""
        if url:
            return format_html('<a href="{}" dir="auto">{}</a>', url, entry.object_repr)
        return format_html('<span dir="auto">{}</span>', entry.object_repr)

    @admin.display(description=_("details"))
    def details(self, entry):
        # Field labels in the reader's language, an article's versioned ones included.
        model = entry.content_type.model_class() if entry.content_type_id else None
        return change_message(entry, audit.field_labels() if model is Article else None)


def days_label(days):
    return ngettext("%(days)d day", "%(days)d days", days) % {"days": days}


class ArticleReportView(TemplateView):
    """A report for staff who may see articles, reached through the article admin."""

    model_admin = None

    def dispatch(self, request, *args, **kwargs):
        if not self.model_admin.has_view_or_change_permission(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def report_context(self, title, **kwargs):
        return {
            **self.model_admin.admin_site.each_context(self.request),
            "title": title,
            "opts": Article._meta,
            **kwargs,
        }


class WorkflowReportView(ArticleReportView):
    """Articles waiting for review (longest first), overdue reviews, changes to sign off."""

    template_name = "editorial/workflow_report.html"

    def get_context_data(self, **kwargs):
        now, today = timezone.now(), timezone.localdate()
        waiting = (
            Revision.objects.filter(
                status=Revision.Status.SUBMITTED, article__latest_revision=F("pk")
            )
            .select_related("article", "author")
            .order_by("submitted_at")
        )
        in_review = [
            {
                "revision": revision,
                "article": revision.article,
                "by": staff_name(revision.author),
                "since": revision.submitted_at,
                "for": days_label((now - (revision.submitted_at or now)).days),
            }
            for revision in waiting
        ]
        overdue = [
            {
                "article": article,
                "due": article.next_review_due,
                "late": days_label((today - article.next_review_due).days),
            }
            for article in Article.objects.exclude(status=Article.Status.ARCHIVED)
            .filter(next_review_due__lt=today)
            .select_related("reviewer")
            .order_by("next_review_due")
        ]
        changes = [
            {
                "change": change,
                "by": staff_name(change.author),
                "for": days_label((now - change.created_at).days),
            }
            for change in ChangeRequest.objects.filter(status=ChangeRequest.Status.PENDING)
            .select_related("author", "content_type")
            .order_by("created_at")
        ]
        return self.report_context(
            _("Workflow report"), in_review=in_review, overdue=overdue, changes=changes
        )


def current_locks(limit=REPORT_LIMIT):
    """The editing locks still in force (the oldest first), their article and holder."""
    fresh_since = timezone.now() - locking.LAPSES_AFTER
    return (
        EditLock.objects.filter(seen_at__gte=fresh_since)
        .select_related("article", "holder", "taken_from")
        .order_by("since", "pk")[:limit]
    )


class LockedArticlesView(ArticleReportView):
    """Who has which article open for editing, since when; a reviewer may release it."""

    template_name = "editorial/locked_report.html"

    def get_context_data(self, **kwargs):
        rows = [
            {
                "lock": lock,
                "article": lock.article,
                "by": staff_name(lock.holder),
                "taken_from": staff_name(lock.taken_from) if lock.taken_from_id else "",
            }
            for lock in current_locks()
        ]
        return self.report_context(
            _("Locked articles"),
            rows=rows,
            limit=REPORT_LIMIT,
            lapse_minutes=int(locking.LAPSES_AFTER.total_seconds() // 60),
            may_release=self.request.user.has_perm(PUBLISH_PERMISSION),
        )


def approver_name(revision):
    """Who approved a version, or "" when no approval was recorded (the corpus, tests)."""
    if revision is None or revision.approved_by_id is None:
        return ""
    return staff_name(revision.approved_by)


def scheduled(limit=REPORT_LIMIT):
    """(going live, coming off the site): what is scheduled, soonest first.

    Going live: a new version of a live article waiting for its date (a scheduled
    revision), or an article whose first publication is dated in the future.
    """
    now = timezone.now()
    going_live = [
        {
            "article": revision.article,
            "when": workflow.go_live_time(revision) or now,
            "until": workflow.field_values(revision.content).get("expires_at"),
            "what": _("new version of a live article"),
            "approved_by": approver_name(revision),
            "url": revision.get_absolute_url(),
            "cancel_url": reverse(
                "admin:content_article_action", args=[revision.article_id, "unschedule"]
            ),
        }
        for revision in Revision.objects.filter(status=Revision.Status.SCHEDULED)
        .select_related("article", "approved_by")
        .order_by("created_at", "pk")[:limit]
    ]
    published = Article.objects.filter(status=Article.Status.PUBLISHED).select_related(
        "live_revision__approved_by"
    )
    going_live += [
        {
            "article": article,
            "when": article.published_at,
            "until": article.expires_at,
            "what": _("first publication"),
            "approved_by": approver_name(article.live_revision),
            "url": reverse("admin:content_article_change", args=[article.pk]),
        }
        for article in published.filter(published_at__gt=now).order_by("published_at", "pk")[:limit]
    ]
    going_live.sort(key=lambda row: row["when"])
    coming_off = [
        {
            "article": article,
            "when": article.expires_at,
            "approved_by": approver_name(article.live_revision),
            "url": reverse("admin:content_article_change", args=[article.pk]),
        }
        for article in published.filter(expires_at__gt=now).order_by("expires_at", "pk")[:limit]
    ]
    return going_live[:limit], coming_off


class ScheduledReportView(ArticleReportView):
    """Versions waiting to go live and articles set to come off the site, by date."""

    template_name = "editorial/scheduled_report.html"

    def get_context_data(self, **kwargs):
        going_live, coming_off = scheduled()
        return self.report_context(
            _("Scheduled"),
            going_live=going_live,
            coming_off=coming_off,
            limit=REPORT_LIMIT,
            may_cancel=self.request.user.has_perm(PUBLISH_PERMISSION),
        )
