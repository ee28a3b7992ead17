"""Reports for the clinic's staff: the site-wide audit log (administrators) and the
workflow report (what waits for review, for how long; what is overdue)."""

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from content.models import Article
from mesoinfo.read_only_admin import ReadOnlyAdminMixin

from .models import ChangeRequest, Revision
from .notifications import staff_name


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
        return entry.get_change_message()


def days_label(days):
    return ngettext("%(days)d day", "%(days)d days", days) % {"days": days}


class WorkflowReportView(TemplateView):
    """Articles waiting for review (longest first), overdue reviews, changes to sign off."""

    template_name = "editorial/workflow_report.html"
    model_admin = None

    def dispatch(self, request, *args, **kwargs):
        if not self.model_admin.has_view_or_change_permission(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

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
        site = self.model_admin.admin_site
        return {
            **site.each_context(self.request),
            "title": _("Workflow report"),
            "in_review": in_review,
            "overdue": overdue,
            "changes": changes,
            "opts": Article._meta,
        }
