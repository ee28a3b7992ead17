"""The workflow inside the article admin: drafts, buttons, and the extra pages it needs."""

from django.contrib import admin, messages
from django.contrib.admin.utils import NestedObjects
from django.core.exceptions import PermissionDenied
from django.db import router
from django.db.models import F, Q
from django.urls import path
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from content import declaration
from content.models import PUBLISH_PERMISSION, Article

from . import live_preview, locking, views, workflow
from .forms import PUBLISH, PUBLISH_APPROVED, SUBMIT, intent_of
from .notifications import staff_name
from .wording import publish_message

STATE_LABELS = {
    "live": _("Live"),
    "live_changed": _("Live + unpublished changes"),
    "draft": _("Draft"),
    "scheduled": _("Scheduled"),
    "expired": _("Expired"),
    "in_review": _("In review"),
    "archived": _("Archived"),
    "unpublished": _("Off the site (unpublished)"),
}


class StateFilter(admin.SimpleListFilter):
    """Every state the list's column shows; archived articles only when asked for."""

    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return list(STATE_LABELS.items())

    def queryset(self, request, queryset):
        now = timezone.now()
        value = self.value()
        if value is None:
            return queryset.exclude(status=Article.Status.ARCHIVED)
        published = Q(status=Article.Status.PUBLISHED)
        in_review = Q(latest_revision__status="submitted")
        on_site = (
            published
            & Q(published_at__lte=now)
            & (Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        )
        changed = Q(latest_revision__isnull=False) & ~Q(latest_revision=F("live_revision"))
        filters = {
            "archived": Q(status=Article.Status.ARCHIVED),
            "in_review": ~Q(status=Article.Status.ARCHIVED) & in_review,
            "scheduled": (
                (published & Q(published_at__gt=now)) | Q(latest_revision__status="scheduled")
            )
            & ~in_review,
            "expired": published & Q(expires_at__lte=now) & ~in_review,
            "live_changed": on_site
            & changed
            & ~in_review
            & ~Q(latest_revision__status="scheduled"),
            "live": on_site & ~changed & ~in_review,
            "unpublished": Q(status=Article.Status.DRAFT, live_revision__isnull=False) & ~in_review,
            "draft": Q(status=Article.Status.DRAFT, live_revision__isnull=True) & ~in_review,
        }
        return queryset.filter(filters[value]) if value in filters else queryset


def may_publish(user):
    return user.has_perm(PUBLISH_PERMISSION)


class WorkflowAdminMixin:
    """Saving writes a revision; only reviewers and administrators publish."""

    change_form_template = "admin/content/article/workflow_change_form.html"

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        attributes = {"intent": intent_of(request), "editing_user": request.user}
        return type(form.__name__, (form,), attributes)

    def get_object(self, request, object_id, from_field=None):
        article = super().get_object(request, object_id, from_field)
        if article is not None and article.has_unpublished_changes:
            snapshot = workflow.editing_snapshot(article)
            workflow.apply_snapshot(article, snapshot)
            article.editing_sources = snapshot.get("sources", [])
        return article

    def save_model(self, request, obj, form, change):
        values = {
            field.name: form.cleaned_data.get(field.name)
            if field.many_to_many
            else getattr(obj, field.name, None)
            for field in declaration.versioned_fields(Article)
        }
        snapshot = workflow.normalise(values)
        intent = intent_of(request)
        request.workflow_said = True
        if change:
            # Only "Save draft" stays on the form; after any other button the editor has
            # left it, so the lock goes with them (review D6: locks lingered).
            if "_continue" in request.POST:
                locking.saved(obj, request.user)
            else:
                locking.released(obj, request.user)
        if not change:
            obj.status = Article.Status.DRAFT  # never public before a reviewer publishes it
            obj.save()
            revision = workflow.save_revision(obj, snapshot, request.user)
        else:
            stored = Article.objects.select_related("latest_revision").get(pk=obj.pk)
            approved = stored.latest_revision
            if (
                intent == PUBLISH_APPROVED
                and approved is not None
                and approved.status == approved.Status.APPROVED
                and workflow.same_but_dates(snapshot, workflow.editing_snapshot(stored))
            ):
                # What the reviewer approved: its approval stands. The go-live and expiry
                # dates are not text a doctor signs, so a new date is taken as it is (D8).
                workflow.take_dates(approved, snapshot)
                article = workflow.publish(approved, request.user)
                messages.success(request, publish_message(article, approved))
                return
            revision = self.revision_for(request, obj, snapshot, intent)
            if revision is None:
                messages.info(request, _("Nothing changed: no new version was saved."))
                return
            if intent == PUBLISH_APPROVED:
                messages.warning(
                    request,
                    _(
                        "Not published: you changed the approved text, so this is a new "
                        "version. Submit it for review."
                    ),
                )
                return
        if intent == PUBLISH:
            if not may_publish(request.user):
                raise PermissionDenied
            article = workflow.approve_and_publish(revision, request.user)
            messages.success(request, publish_message(article, revision))
        elif intent == SUBMIT:
            workflow.submit(revision, request.user)
            messages.success(request, _("Submitted for medical review."))
            live = Article.objects.get(pk=obj.pk)
            drift = live.live_revision_id and workflow.language_drift(
                workflow.snapshot_of_row(live), revision.content
            )
            if drift:
                messages.warning(request, drift)
        else:
            messages.info(request, _("Draft saved. The public page has not changed."))

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        # After a save, the workflow's own message says what became of the live page;
        # Django's "was changed successfully" would suggest the site changed.
        if getattr(request, "workflow_said", False) and level == messages.SUCCESS:
            return
        super().message_user(request, message, level, *args, **kwargs)

    def revision_for(self, request, obj, snapshot, intent):
        """A new revision, unless nothing changed (line ends and seconds aside): then the
        unpublished one to submit or publish, or None when there is nothing to do."""
        stored = Article.objects.select_related("latest_revision").get(pk=obj.pk)
        if snapshot != workflow.editing_snapshot(stored):
            return workflow.save_revision(obj, snapshot, request.user)
        if intent is None:
            return None
        if stored.has_unpublished_changes:
            return stored.latest_revision
        return workflow.save_revision(obj, snapshot, request.user)  # e.g. a fresh review

    def save_related(self, request, form, formsets, change):
        if not change:  # a new article's row is a draft: its sources may be set now
            super().save_related(request, form, formsets, change)

    def has_delete_permission(self, request, obj=None):
        return may_publish(request.user) and super().has_delete_permission(request, obj)

    def get_deleted_objects(self, objs, request):
        """The delete confirmation in plain words: the article, then what goes with it as
        "kind: how many" (no join-table rows or search-index entries by number) (J4-9)."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        collector = NestedObjects(using=router.db_for_write(self.model))
        collector.collect(objs)
        plain, plain_counts = [], {}
        for model, instances in collector.model_objs.items():
            opts = model._meta
            if opts.auto_created or opts.app_label == "search" or model is self.model:
                continue
            name = capfirst(opts.verbose_name_plural)
            plain_counts[name] = len(instances)
            plain.append(f"{name}: {len(instances)}")
        items = []
        for obj in objs:
            items.extend([f"{capfirst(self.opts.verbose_name)}: {obj}", plain])
        plain_counts[capfirst(self.opts.verbose_name_plural)] = len(objs)
        return items, plain_counts, perms_needed, protected

    def get_urls(self):
        wrap = self.admin_site.admin_view
        ns = "content_article"
        pattern = [
            ("<int:pk>/preview/<int:revision>/", views.PreviewView, "preview"),
            ("<int:pk>/preview/<int:revision>/<str:lang>/", views.PreviewPageView, "preview_page"),
            ("<int:pk>/live-preview/", live_preview.ArticleLivePreview, "live_preview"),
            ("<int:pk>/review/<int:revision>/", views.ReviewView, "review"),
            ("<int:pk>/compare/<int:old>/<int:new>/", views.CompareView, "compare"),
            ("<int:pk>/revisions/", views.RevisionsView, "revisions"),
            ("<int:pk>/revert/<int:revision>/", views.RevertView, "revert"),
            ("<int:pk>/action/<str:action>/", views.ActionView, "action"),
            ("<int:pk>/take-over/", views.TakeOverView, "take_over"),
            ("<int:pk>/lock/", views.LockView, "lock"),
            ("<int:pk>/release-lock/", views.ReleaseLockView, "release_lock"),
            ("reports/workflow/", reports.WorkflowReportView, "workflow_report"),
            ("reports/locked/", reports.LockedArticlesView, "locked_report"),
            ("reports/scheduled/", reports.ScheduledReportView, "scheduled_report"),
        ]
        extra = [
            path(route, wrap(view.as_view(model_admin=self)), name=f"{ns}_{name}")
            for route, view, name in pattern
        ]
        new = wrap(live_preview.ArticleLivePreview.as_view(model_admin=self))
        extra.append(path("live-preview/", new, name=f"{ns}_live_preview_new"))
        return extra + super().get_urls()

    def history_view(self, request, object_id, extra_context=None):
        return views.RevisionsView.as_view(model_admin=self)(request, pk=object_id)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context.update(workflow_context(request, obj))
            context["other_editor"] = locking.held_by_other(obj, request.user)
            context["my_lock"] = locking.held_by(obj, request.user)
        context["may_publish"] = may_publish(request.user)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            # Setting select_related here turns off the changelist's own
            # list_select_related: name it too, or each row asks for its category.
            .select_related("latest_revision", *self.get_list_select_related(request))
            .defer("latest_revision__content")
        )

    @property
    def state_column(self):
        return state_column


def version_label(article, revision):
    """A version's status as it stands now: "Published" only while it is the live text."""
    if revision.status == revision.Status.PUBLISHED and (
        article.status != Article.Status.PUBLISHED or article.live_revision_id != revision.pk
    ):
        return _("published earlier, now off the site")
    if revision.status == revision.Status.PUBLISHED and workflow.state(article) == "scheduled":
        return _("scheduled")
    return revision.get_status_display()


def public_review_pending(article):
    """Why the live page says "medical reviewer: pending", or None when it names the doctor
    (review D11: the admin showed a reviewer and a review date the page did not)."""
    live = Article.objects.select_related("reviewer", "live_revision").get(pk=article.pk)
    if live.has_named_review:
        return None
    reviewer = live.reviewer
    if reviewer is None:
        return _("no medical reviewer is chosen for it.")
    if reviewer.is_placeholder:
        return _(
            "its reviewer, “%(name)s”, stands for the clinic, not a named doctor. Choose "
            "a named doctor, who then approves the text from their own account."
        ) % {"name": reviewer.name}
    if reviewer.user_id is None:
        return _(
            "its reviewer, %(name)s, has no staff account linked, so no approval of theirs "
            "can be recorded. An administrator links the account under Reviewers."
        ) % {"name": reviewer.name}
    return _(
        "the live version was not approved by %(name)s from their own account. It is "
        "named once they approve a version and it is published."
    ) % {"name": reviewer.name}


def workflow_context(request, article):
    latest = article.latest_revision
    return {
        "review_pending_because": public_review_pending(article)
        if article.status == Article.Status.PUBLISHED
        else None,
        "workflow_state": STATE_LABELS[workflow.state(article)],
        "newest_version_label": version_label(article, latest) if latest else "",
        "newest_version_author": staff_name(latest.author) if latest else "",
        "sent_back_by": staff_name(latest.sent_back_by) if latest and latest.sent_back_by else "",
        "ever_published": article.live_revision_id is not None,
        "latest_revision": latest,
        "sent_back": latest if latest and latest.status == "sent_back" else None,
        "approved_unpublished": latest if latest and latest.status == "approved" else None,
        "proposals": article.revisions.filter(status="proposal").order_by("-created_at")[:5],
        "is_archived": article.status == Article.Status.ARCHIVED,
        "is_live": article.status == Article.Status.PUBLISHED,
        "is_scheduled": latest is not None and latest.status == latest.Status.SCHEDULED,
    }


def state_column(obj):
    return STATE_LABELS[workflow.state(obj)]


state_column.short_description = _("state")

# The queue and the log, and content's admins with the workflow and sign-off.
from . import content_admin, reports, signoff_admin  # noqa: E402, F401
