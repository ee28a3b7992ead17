"""Live preview: what the editor has typed, not yet saved, in the public page's template.

The change form's Preview button posts the form here (CSRF-protected; staff who may change
the object). The form is validated as a save would validate it, an unsaved instance is
built from it and the public template rendered for it. Nothing is stored: no revision, no
row, no lock, no sign-off request.
"""

from csp.constants import SELF
from csp.decorators import csp_replace
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin

from mesoinfo import languages

from . import views
from .forms import PUBLISH, PUBLISH_APPROVED, SUBMIT

LANGUAGE_FIELD, DEVICE_FIELD = "preview_language", "preview_device"
# Not copied into the wrapper's own form: its buttons and token are its own.
NOT_COPIED = {"csrfmiddlewaretoken", LANGUAGE_FIELD, DEVICE_FIELD, SUBMIT, PUBLISH}
NOT_COPIED |= {PUBLISH_APPROVED, "_continue", "_save", "_addanother"}
WIDTHS = {"phone": 375, "desktop": 1280}


def chosen(request, name, allowed, default):
    """The last value posted under `name` (a button pressed comes after the hidden field
    carrying the current choice), if allowed."""
    values = request.POST.getlist(name)
    return values[-1] if values and values[-1] in allowed else default


@method_decorator([never_cache, xframe_options_sameorigin], name="dispatch")
@method_decorator(csp_replace({"frame-ancestors": [SELF]}), name="dispatch")
class LivePreviewView(View):
    """POST the change form: the page it would make, at phone or desktop width."""

    model_admin = None
    http_method_names = ["post"]

    def post(self, request, pk=None):
        admin = self.model_admin
        obj = admin.get_object(request, str(pk)) if pk is not None else None
        if pk is not None and obj is None:
            raise Http404
        # The add form's preview: a new object that is not stored either.
        allowed = (
            admin.has_change_permission(request, obj)
            if obj is not None
            else admin.has_add_permission(request)
        )
        if not allowed:
            raise PermissionDenied
        lang = chosen(request, LANGUAGE_FIELD, languages.codes(), translation.get_language())
        device = chosen(request, DEVICE_FIELD, WIDTHS, "desktop")
        form_class = self.form_class(request, obj)
        form = form_class(request.POST, request.FILES, instance=obj or admin.model())
        context = {
            **admin.admin_site.each_context(request),
            "opts": admin.opts,
            "original": obj,
            "title": _("Preview of the unsaved text"),
            "languages": languages.codes(),
            "lang": lang,
            "device": device,
            "width": WIDTHS[device],
            "copied": [
                (name, value)
                for name, values in request.POST.lists()
                if name not in NOT_COPIED
                for value in values
            ],
            "language_field": LANGUAGE_FIELD,
            "device_field": DEVICE_FIELD,
        }
        if not form.is_valid():
            context["errors"] = errors_of(form)
            return render(request, "editorial/live_preview.html", context, status=400)
        context["page_html"] = self.page_html(request, form.instance, form.cleaned_data, lang)
        return render(request, "editorial/live_preview.html", context)

    def form_class(self, request, obj):
        return self.model_admin.get_form(request, obj, change=obj is not None)


def errors_of(form):
    """(label, messages) for each field with an error; errors of the whole form unlabelled."""
    found = []
    for name, messages in form.errors.items():
        field = form.fields.get(name)
        label = field.label if field is not None else ""
        found.append((label, messages))
    return found


def no_stale_refusal(self, *args):
    """In place of the article form's refusal of a stale save: a preview saves nothing, so
    a version saved by someone else meanwhile does not stop it (nor does their lock: the
    lock checks are off without an editing_user)."""


class ArticleLivePreview(LivePreviewView):
    """The article page, as editorial's saved-version preview draws it."""

    def form_class(self, request, obj):
        form = super().form_class(request, obj)
        attributes = {
            "intent": None,
            "editing_user": None,
            "refuse_stale_save": no_stale_refusal,
        }
        return type(form.__name__, (form,), attributes)

    def page_html(self, request, article, cleaned, lang):
        article.updated_at = timezone.now()
        article.previewed_sources = list(cleaned.get("sources") or [])
        response = views.render_article_preview(request, article, article, lang)
        return response.content.decode()


class PageLivePreview(LivePreviewView):
    """A standing page (About...), in the public page's template."""

    def page_html(self, request, page, cleaned, lang):
        page.updated_at = timezone.now()
        with translation.override(lang):
            context = {"page": page, "translated_object": page}
            return render_to_string("editorial/page_preview.html", context, request)
