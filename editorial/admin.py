"""The workflow inside the article admin: drafts, buttons, and the extra pages it needs."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext_lazy as _

from content.models import Article

from . import views, workflow
from .forms import PUBLISH, SUBMIT, intent_of

PUBLISH_PERMISSION = "content.publish_article"

STATE_LABELS = {
    "live": _("Live"),
    "live_changed": _("Live + unpublished changes"),
    "draft": _("Draft"),
    "scheduled": _("Scheduled"),
    "expired": _("Expired"),
    "in_review": _("In review"),
    "archived": _("Archived"),
}


def may_publish(user):
    return user.has_perm(PUBLISH_PERMISSION)


class WorkflowAdminMixin:
    """Saving writes a revision; only reviewers and administrators publish."""

    change_form_template = "admin/content/article/workflow_change_form.html"

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"intent": intent_of(request)})

    def get_object(self, request, object_id, from_field=None):
        article = super().get_object(request, object_id, from_field)
        if article is not None and article.has_unpublished_changes:
            snapshot = workflow.editing_snapshot(article)
            workflow.apply_snapshot(article, snapshot)
            article.editing_sources = snapshot.get("sources", [])
        return article

    def save_model(self, request, obj, form, change):
        values = {f: getattr(obj, f, None) for f in workflow.SNAPSHOT_FIELDS if f != "sources"}
        values["sources"] = form.cleaned_data.get("sources") or []
        snapshot = workflow.normalise(values)
        intent = intent_of(request)
        request.workflow_said = True
        if not change:
            obj.status = Article.Status.DRAFT  # never public before a reviewer publishes it
            obj.save()
            revision = workflow.save_revision(obj, snapshot, request.user)
        else:
            revision = self.revision_for(request, obj, snapshot, intent)
            if revision is None:
                messages.info(request, _("Nothing changed: no new version was saved."))
                return
        if intent == PUBLISH:
            if not may_publish(request.user):
                raise PermissionDenied
            workflow.approve_and_publish(revision, request.user)
            messages.success(request, _("Approved and published."))
        elif intent == SUBMIT:
            workflow.submit(revision, request.user)
            messages.success(request, _("Submitted for medical review."))
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

    def get_urls(self):
        wrap = self.admin_site.admin_view
        ns = "content_article"
        pattern = [
            ("<int:pk>/preview/<int:revision>/", views.PreviewView, "preview"),
            ("<int:pk>/preview/<int:revision>/<str:lang>/", views.PreviewPageView, "preview_page"),
            ("<int:pk>/review/<int:revision>/", views.ReviewView, "review"),
            ("<int:pk>/compare/<int:old>/<int:new>/", views.CompareView, "compare"),
            ("<int:pk>/revisions/", views.RevisionsView, "revisions"),
            ("<int:pk>/revert/<int:revision>/", views.RevertView, "revert"),
            ("<int:pk>/action/<str:action>/", views.ActionView, "action"),
        ]
        extra = [
            path(route, wrap(view.as_view(model_admin=self)), name=f"{ns}_{name}")
            for route, view, name in pattern
        ]
        return extra + super().get_urls()

    def history_view(self, request, object_id, extra_context=None):
        return views.RevisionsView.as_view(model_admin=self)(request, pk=object_id)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context.update(workflow_context(request, obj))
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


def workflow_context(request, article):
    latest = article.latest_revision
    return {
        "workflow_state": STATE_LABELS[workflow.state(article)],
        "latest_revision": latest,
        "preview_revision": latest or article.live_revision,
        "sent_back": latest if latest and latest.status == "sent_back" else None,
        "proposals": article.revisions.filter(status="proposal").order_by("-created_at")[:5],
        "is_archived": article.status == Article.Status.ARCHIVED,
        "is_live": article.status == Article.Status.PUBLISHED,
    }


def state_column(obj):
    return STATE_LABELS[workflow.state(obj)]


state_column.short_description = _("state")
