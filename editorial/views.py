"""The workflow's admin pages: preview, review, compare, revisions and the POST actions.

Each view is reached through ArticleAdmin.get_urls, wrapped in admin_view (staff only).
"""

from csp.constants import SELF
from csp.decorators import csp_replace
from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.generic import TemplateView

from content.bidi import isolate_plain_for
from content.forms import FeedbackForm
from content.models import PUBLISH_PERMISSION, Article, Source
from content.structured_data import article_json_ld
from mesoinfo import languages

from . import notifications, workflow
from .changes_only import compare_changes_only
from .diff import changed_fields, compare
from .locking import opened, release, take_over, taken_from
from .models import Revision
from .wording import publish_message


class ArticleAdminMixin:
    """An article the signed-in staff member may see; `needs` names the right required."""

    model_admin = None
    needs = "view"

    def dispatch(self, request, pk, **kwargs):
        self.article = get_object_or_404(Article.objects.select_related("category"), pk=pk)
        admin = self.model_admin
        allowed = {
            "view": admin.has_view_or_change_permission(request, self.article),
            "change": admin.has_change_permission(request, self.article),
            "publish": request.user.has_perm(PUBLISH_PERMISSION),
        }[self.needs]
        if not allowed:
            raise PermissionDenied
        return super().dispatch(request, pk=pk, **kwargs)

    def revision(self, revision_id):
        """A revision of this article; 0 stands for the live text of the row."""
        if revision_id == 0:
            return None
        return get_object_or_404(Revision, pk=revision_id, article=self.article)

    def admin_context(self, **kwargs):
        return {
            **self.model_admin.admin_site.each_context(self.request),
            "opts": Article._meta,
            "original": self.article,
            "article": self.article,
            **kwargs,
        }


def snapshot(article, revision):
    return revision.content if revision is not None else workflow.snapshot_of_row(article)


@method_decorator(never_cache, name="dispatch")
class PreviewView(ArticleAdminMixin, TemplateView):
    """The revision at phone width and at desktop width, in either language."""

    template_name = "editorial/preview.html"

    def get_context_data(self, **kwargs):
        lang = self.request.GET.get("lang", settings.LANGUAGE_CODE)
        lang = lang if lang in languages.codes() else settings.LANGUAGE_CODE
        device = "desktop" if self.request.GET.get("view") == "desktop" else "phone"
        revision_id = self.kwargs["revision"]
        self.revision(revision_id)
        page_url = reverse(
            "admin:content_article_preview_page", args=[self.article.pk, revision_id, lang]
        )
        return self.admin_context(
            title=_("Preview"),
            lang=lang,
            device=device,
            width=375 if device == "phone" else 1280,
            page_url=page_url,
            revision_id=revision_id,
            languages=languages.codes(),
        )


class PreviewAddress:
    """Stands for the article in the switcher: its address in a language is the preview's."""

    def __init__(self, pk, revision):
        self.pk, self.revision = pk, revision

    def get_absolute_url(self):
        return reverse(
            "admin:content_article_preview_page",
            args=[self.pk, self.revision, translation.get_language()],
        )


@method_decorator([never_cache, xframe_options_sameorigin], name="dispatch")
@method_decorator(csp_replace({"frame-ancestors": [SELF]}), name="dispatch")
class PreviewPageView(ArticleAdminMixin, View):
    """The public article template, filled with a revision: never cached, never indexed."""

    def get(self, request, pk, revision, lang):
        if lang not in languages.codes():
            raise Http404
        rev = self.revision(revision)
        content = snapshot(self.article, rev)
        article = workflow.apply_snapshot(Article(pk=self.article.pk), content)
        article.updated_at = rev.created_at if rev else self.article.updated_at
        # As the page would be once this revision is live (its review named or pending).
        article.live_revision = rev or self.article.live_revision
        article.previewed_sources = list(Source.objects.filter(pk__in=content.get("sources", [])))
        # The language switch leads to this preview in the other language (J3-8).
        address = PreviewAddress(self.article.pk, revision)
        return render_article_preview(request, article, address, lang)


def render_article_preview(request, article, translated_object, lang):
    """The public article template for an unsaved `article`, as if it were live: the saved
    version's preview and the live preview of the form (live_preview.py) both use it."""
    article.status = Article.Status.PUBLISHED
    with translation.override(lang):
        context = {
            "article": article,
            "translated_object": translated_object,
            "json_ld": article_json_ld(article, request),
            "feedback_form": FeedbackForm(),
            "related": [],
            "is_preview": True,
        }
        response = render(request, "editorial/article_preview.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


class ReviewView(ArticleAdminMixin, TemplateView):
    """A submitted revision beside the live text; reviewers send it back or publish it."""

    template_name = "editorial/review.html"

    def get_context_data(self, **kwargs):
        rev = self.revision(self.kwargs["revision"])
        live = workflow.snapshot_of_row(self.article)
        changes_only = self.request.GET.get("view") == "changes"
        rows = compare_changes_only(live, rev.content) if changes_only else None
        return self.admin_context(
            title=_("Review"),
            revision=rev,
            changes_only=changes_only,
            rows=rows if changes_only else compare(live, rev.content),
            may_publish=self.request.user.has_perm(PUBLISH_PERMISSION),
            language_drift=workflow.language_drift(live, rev.content)
            if self.article.live_revision_id
            else None,
        )

    def post(self, request, pk, revision):
        if not request.user.has_perm(PUBLISH_PERMISSION):
            raise PermissionDenied
        rev = self.revision(revision)
        if rev is None or rev.status != Revision.Status.SUBMITTED:
            messages.error(request, _("This version is not waiting for review."))
        elif "_send_back" in request.POST:
            comment = request.POST.get("comment", "").strip()[:2000]
            if not comment:
                messages.error(request, _("Say what the editor should change."))
                return self.get(request, pk=pk, revision=revision)
            workflow.send_back(rev, request.user, comment)
            self.model_admin.log_change(
                request, self.article, str(_("Sent back: %(comment)s") % {"comment": comment})
            )
            messages.success(request, _("Sent back to the editor with your comment."))
            # Back to the reviewer's own queue, not into the editor's form (review D19).
            return redirect("admin:index")
        elif "_approve_only" in request.POST:
            workflow.approve(rev, request.user)
            said = _("Approved. It goes live when it is published from the article's page.")
            self.model_admin.log_change(request, self.article, str(said))
            notifications.approved_for_later(rev, request.user)
            messages.success(request, said)
        elif "_approve" in request.POST:
            article = workflow.approve_and_publish(rev, request.user)
            said = publish_message(article, rev)
            self.model_admin.log_change(request, self.article, str(said))
            messages.success(request, said)
        return redirect("admin:content_article_change", self.article.pk)


class CompareView(ArticleAdminMixin, TemplateView):
    template_name = "editorial/compare.html"

    def get_context_data(self, **kwargs):
        old, new = self.revision(self.kwargs["old"]), self.revision(self.kwargs["new"])
        return self.admin_context(
            title=_("Compare versions"),
            old=old,
            new=new,
            rows=compare(snapshot(self.article, old), snapshot(self.article, new)),
        )


class RevisionsView(ArticleAdminMixin, TemplateView):
    """Every revision, newest first, with the fields it changed and a Revert button."""

    template_name = "editorial/revisions.html"

    def get(self, request, *args, **kwargs):
        # "Compare any two": the form on this page names them; 0 is the live text.
        old, new = request.GET.get("old", ""), request.GET.get("new", "")
        if old.isdigit() and new.isdigit():
            self.revision(int(old)), self.revision(int(new))
            return redirect("admin:content_article_compare", self.article.pk, int(old), int(new))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        revisions = list(
            self.article.revisions.exclude(status=Revision.Status.PROPOSAL)
            .select_related("author", "approved_by")
            .order_by("created_at", "pk")[:200]
        )
        entries, previous = [], None
        for revision in revisions:
            fields = changed_fields(previous.content if previous else {}, revision.content)
            entries.append({"revision": revision, "previous": previous, "fields": fields})
            previous = revision
        entries.reverse()
        return self.admin_context(
            title=_("History"),
            entries=entries,
            may_change=self.model_admin.has_change_permission(self.request, self.article),
        )


class RevertView(ArticleAdminMixin, View):
    needs = "change"

    def post(self, request, pk, revision):
        rev = self.revision(revision)
        if rev is None:
            raise Http404
        workflow.revert(rev, request.user)
        messages.success(
            request, _("The earlier version is now the newest draft. Publish it after review.")
        )
        return redirect("admin:content_article_change", self.article.pk)


class ActionView(ArticleAdminMixin, TemplateView):
    """Unpublish, cancel a schedule and restore (reviewers), archive (editors too).

    Unpublishing and archiving take a page away from patients: they ask for confirmation
    and a reason, which goes into the admin's log and the e-mail to those concerned.
    """

    needs = "change"
    template_name = "editorial/confirm_action.html"
    actions = {
        "unpublish": (workflow.unpublish, True, _("Taken off the site. Its text is kept.")),
        "archive": (
            workflow.archive,
            False,
            _("Archived: it is off the site and can be restored."),
        ),
        # Reviewers only: it goes to their review queue (walk 5 #16).
        "restore": (
            workflow.restore,
            True,
            _(
                "Restored from the archive. It is not on the site yet: its newest version "
                "waits for medical review, and goes live when a reviewer approves and "
                "publishes it."
            ),
        ),
        # Back to approved, not to draft: the text is still the one the doctor approved, so
        # "Publish the approved version" can put it live later without a new review.
        "unschedule": (
            workflow.unschedule,
            True,
            _(
                "Schedule cancelled. The live page has not changed. The new version is "
                "back to approved and not scheduled: its medical approval stands, so "
                "“Publish the approved version” puts it live whenever you choose."
            ),
        ),
    }
    confirmed = ("unpublish", "archive", "unschedule", "restore")
    log_messages = {
        "unpublish": _("Taken off the site. Reason: %(reason)s"),
        "archive": _("Archived. Reason: %(reason)s"),
        "restore": _("Restored from the archive, to review. Reason: %(reason)s"),
        "unschedule": _(
            "Cancelled the scheduled new version; the live version stays. Reason: %(reason)s"
        ),
    }
    REASON_MAX = 1000

    def allowed(self, request, action):
        if action not in self.actions:
            raise Http404
        _function, needs_publish, _message = self.actions[action]
        # Archiving a live article takes it off the site: that is unpublishing.
        needs_publish = needs_publish or self.article.status == Article.Status.PUBLISHED
        if needs_publish and not request.user.has_perm(PUBLISH_PERMISSION):
            raise PermissionDenied
        if action == "unschedule" and not workflow.scheduled_version(self.article):
            raise Http404
        if action == "restore" and self.article.status != Article.Status.ARCHIVED:
            raise Http404

    def get(self, request, pk, action):
        self.allowed(request, action)
        if action not in self.confirmed:
            return redirect("admin:content_article_change", self.article.pk)
        return self.render_to_response(self.get_context_data(action=action))

    def get_context_data(self, action, reason="", error=None, **kwargs):
        titles = {
            "unpublish": _("Take this article off the site?"),
            "archive": _("Archive this article?"),
            "unschedule": _("Cancel the scheduled new version?"),
            "restore": _("Restore this article from the archive?"),
        }
        return self.admin_context(
            title=titles[action],
            action=action,
            reason=reason,
            error=error,
            is_live=self.article.status == Article.Status.PUBLISHED,
            scheduled=workflow.scheduled_version(self.article),
            reason_max=self.REASON_MAX,
        )

    def post(self, request, pk, action):
        self.allowed(request, action)
        function, _needs, message = self.actions[action]
        reason = " ".join(request.POST.get("reason", "").split())
        if action in self.confirmed:
            error = None
            if not reason:
                error = _("Say why, for the article's history and for those who worked on it.")
            elif len(reason) > self.REASON_MAX:
                error = _("Keep the reason under %(limit)d characters.") % {
                    "limit": self.REASON_MAX
                }
            if error:
                context = self.get_context_data(action=action, reason=reason, error=error)
                return self.render_to_response(context, status=400)
        if action == "restore":
            function(self.article, request.user)
        else:
            function(self.article)
        self.model_admin.log_change(
            request, self.article, str(self.log_messages[action] % {"reason": reason})
        )
        if action in self.confirmed:
            notifications.taken_offline(self.article, request.user, action, reason)
        messages.success(request, message)
        return redirect("admin:content_article_change", self.article.pk)


class TakeOverView(ArticleAdminMixin, View):
    """A reviewer takes over an article someone else has open (their saves then stop)."""

    needs = "publish"

    def post(self, request, pk):
        previous = take_over(self.article, request.user)
        if previous is not None:
            self.model_admin.log_change(
                request,
                self.article,
                str(
                    _("Took over editing from %(user)s.")
                    % {"user": notifications.staff_name(previous)}
                ),
            )
            messages.success(
                request,
                _("You are now editing this article; %(user)s can no longer save it.")
                % {"user": notifications.staff_name(previous)},
            )
        return redirect("admin:content_article_change", self.article.pk)


class LockView(ArticleAdminMixin, View):
    """Takes the editing lock when someone starts editing: the form's first keystroke
    (a small POST from edit-lock.js) or the "Lock for editing" button without JavaScript.
    Opening the form never locks."""

    needs = "change"

    @method_decorator(never_cache)
    def get(self, request, pk):
        """Who holds the lock, for the open form to check when it is looked at again
        (focus, tab shown; walk 6 #4). Looking never locks."""
        lock = taken_from(self.article, request.user)
        if lock is None:
            return JsonResponse({"taken_over": False})
        name = notifications.staff_name(lock.holder)
        time = date_format(timezone.localtime(lock.since), "TIME_FORMAT")
        message = _(
            "%(user)s took over editing at %(time)s. Your typed text is kept in this form, "
            "but it can no longer be saved here: copy what you need and agree with them."
        ) % {"user": name, "time": time}
        language = translation.get_language()
        return JsonResponse(
            {"taken_over": True, "holder": name, "message": isolate_plain_for(language, message)}
        )

    def post(self, request, pk):
        other = opened(self.article, request.user)
        wants_json = "application/json" in request.headers.get("Accept", "")
        if other is not None:
            name = notifications.staff_name(other.holder)
            if wants_json:
                return JsonResponse({"locked": False, "holder": name}, status=409)
            messages.warning(
                request,
                _("Not locked: %(user)s is editing this article.") % {"user": name},
            )
        elif wants_json:
            return JsonResponse({"locked": True})
        else:
            messages.success(
                request,
                _("You are now editing this article; other people's saves are refused."),
            )
        return redirect("admin:content_article_change", self.article.pk)


class ReleaseLockView(ArticleAdminMixin, View):
    """A reviewer releases an article someone left open (from the locked articles report)."""

    needs = "publish"

    def post(self, request, pk):
        holder = release(self.article)
        if holder is not None:
            name = notifications.staff_name(holder)
            self.model_admin.log_change(
                request,
                self.article,
                str(_("Released the editing lock held by %(user)s.") % {"user": name}),
            )
            messages.success(
                request,
                _("“%(title)s” is no longer marked as being edited by %(user)s.")
                % {"title": self.article, "user": name},
            )
        else:
            messages.info(request, _("Nobody had “%(title)s” open.") % {"title": self.article})
        return redirect("admin:content_article_locked_report")


def view_on_site(request, content_type_id, object_id):
    """The admin's "view on site" shortcut, for objects patients can see.

    Django's own shortcut redirects to any object's address, so any staff account could
    learn a draft's slug; a page not (yet, or no longer) public is "not found" here.
    """
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    model = content_type.model_class() if content_type else None
    if model is None:
        raise Http404
    try:
        obj = model._default_manager.get(pk=object_id)
    except (model.DoesNotExist, ValidationError, ValueError) as error:
        raise Http404 from error
    if getattr(obj, "is_public", True) is False:
        raise Http404
    return shortcut(request, content_type_id, object_id)
