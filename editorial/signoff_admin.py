"""The admin side of sign-off: the mixin for pages, authors and sources, and the queue of
changes a medical reviewer approves or sends back."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from mesoinfo.read_only_admin import ReadOnlyAdminMixin

from . import signoff
from .changes_only import changed_paragraphs
from .diff import picture_words, with_pictures, word_diff
from .models import ChangeRequest

PUBLISH_PERMISSION = "content.publish_article"


def may_sign_off(user):
    return user.has_perm(PUBLISH_PERMISSION)


class SignOffAdminMixin:
    """Changes by staff who may not publish wait for a medical reviewer's sign-off.

    `review_additions`: whether a new object waits too (a new page is public at once; a
    new author or source is not shown before a reviewed article cites it).
    """

    review_additions = False

    def needs_sign_off(self, request, change):
        return not may_sign_off(request.user) and (change or self.review_additions)

    def save_model(self, request, obj, form, change):
        if self.needs_sign_off(request, change):
            request.signoff_request = signoff.propose(obj, form, request.user, adding=not change)
            return
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if getattr(request, "signoff_request", None) is None:
            super().save_related(request, form, formsets, change)

    def log_addition(self, request, obj, message):
        if getattr(request, "signoff_request", None) is None:
            return super().log_addition(request, obj, message)
        return None

    def log_change(self, request, obj, message):
        if getattr(request, "signoff_request", None) is None:
            return super().log_change(request, obj, message)
        return None

    def pending_response(self, request, obj=None):
        messages.info(request, signoff.PENDING_MESSAGE)
        opts = self.opts
        if "_continue" in request.POST and obj is not None and obj.pk:
            # "Keep editing": back to this form (it shows what patients see until sign-off).
            return HttpResponseRedirect(request.path)
        return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The submit row (editorial/signoff_submit_line.html) names what saving does.
        context["sends_for_signoff"] = self.needs_sign_off(request, change)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(request, "signoff_request", None) is not None:
            return self.pending_response(request)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if getattr(request, "signoff_request", None) is not None:
            return self.pending_response(request, obj)
        return super().response_change(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            obj = self.get_object(request, object_id)
            for pending in signoff.pending_for(obj) if obj is not None else []:
                messages.warning(
                    request,
                    _(
                        "A change proposed by %(user)s on %(date)s waits for sign-off; "
                        "this form shows the version patients see now."
                    )
                    % {
                        "user": signoff.notifications.staff_name(pending.author),
                        "date": signoff.local_date(pending.created_at),
                    },
                )
        return super().change_view(request, object_id, form_url, extra_context)

    def has_delete_permission(self, request, obj=None):
        # Removing what patients read is a sign-off too.
        return may_sign_off(request.user) and super().has_delete_permission(request, obj)


@admin.register(ChangeRequest)
class ChangeRequestAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Every staff member sees the queue; medical reviewers approve or send back."""

    list_display = ["object_repr", "kind", "proposed_by", "created_at", "status"]
    # Only the kinds that have requests (not every model Django knows) (review D14).
    list_filter = ["status", ("content_type", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["content_type", "author"]
    search_fields = ["object_repr"]

    # Who works on what patients read: reviewers and those who may change a page, an
    # author or a source; not reception (review D14).
    QUEUE_PERMISSIONS = ("content.change_page", "content.change_author", "content.change_source")

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        user = request.user
        if not (user.is_active and user.is_staff):
            return False
        return user.has_perm(PUBLISH_PERMISSION) or any(
            user.has_perm(permission) for permission in self.QUEUE_PERMISSIONS
        )

    @admin.display(description=_("kind"), ordering="content_type")
    def kind(self, obj):
        return obj.content_type.model_class()._meta.verbose_name

    @admin.display(description=_("proposed by"), ordering="author")
    def proposed_by(self, obj):
        return signoff.notifications.staff_name(obj.author)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        change = get_object_or_404(ChangeRequest, pk=object_id)
        if request.method == "POST":
            return self.decide(request, change)
        return self.render_review(request, change)

    def render_review(self, request, change, status=200, error=None):
        model = change.content_type.model_class()
        # As in an article's review: on a long page, only the paragraphs that changed.
        changes_only = request.GET.get("view") == "changes"
        rows = []
        for name, values in change.changes.items():
            old, new = (signoff.shown_value(model, name, values[key]) for key in ("old", "new"))
            code = name.rsplit("_", 1)[-1] if name.startswith("body_") else None
            if code:  # a page's pictures drawn beside their words, as in an article's review
                old, new = picture_words(old), picture_words(new)
            if old == new:
                html = escape(new)
            elif changes_only and ("\n" in old or "\n" in new):
                html = changed_paragraphs(old, new)
            else:
                html = word_diff(old, new)
            rows.append(
                {
                    "label": signoff.field_label(model, name),
                    "html": with_pictures(html, code) if code else html,
                }
            )
        target = None
        if change.object_id:
            target = model._default_manager.filter(pk=change.object_id).first()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Change waiting for sign-off"),
            "change": change,
            "kind": model._meta.verbose_name,
            "rows": rows,
            # Sources and authors have no page of their own.
            "target_url": target.get_absolute_url() if hasattr(target, "get_absolute_url") else "",
            "proposed_by": signoff.notifications.staff_name(change.author),
            "may_sign_off": may_sign_off(request.user),
            "changes_only": changes_only,
            "error": error,
        }
        return TemplateResponse(request, "editorial/change_request.html", context, status=status)

    def decide(self, request, change):
        if not may_sign_off(request.user):
            raise PermissionDenied
        if change.status != ChangeRequest.Status.PENDING:
            messages.error(request, _("This change has already been decided."))
        elif "_approve" in request.POST:
            signoff.approve(change, request.user)
            messages.success(request, _("Approved: the change is now on the site."))
        elif "_reject" in request.POST:
            comment = request.POST.get("comment", "").strip()[:2000]
            if not comment:
                error = _("Say what should change, for the one who proposed it.")
                return self.render_review(request, change, status=400, error=error)
            signoff.reject(change, request.user, comment)
            messages.success(request, _("Sent back with your comment."))
        return HttpResponseRedirect(reverse("admin:editorial_changerequest_changelist"))
