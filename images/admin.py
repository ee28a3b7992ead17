"""The image library in the admin: upload, search by title or alt text, reuse.

A picture that a live article shows, or a version awaiting or holding a medical sign-off,
cannot be edited: what patients see changes only through review. Staff upload a new picture
and put it into the article instead; the reviewer then signs off the article with it.
"""

from django.contrib import admin
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from content.models import PUBLISH_PERMISSION
from mesoinfo import languages
from mesoinfo.admin_languages import LanguageDirectionMixin, per_language

from . import renditions, usage
from .forms import ImageForm
from .models import Image

CONSENT_RULE = _(
    "Photos of patients, their faces or before-and-after pictures, may be uploaded only "
    "when the patient's signed written consent is on file. Tick “shows a patient” and "
    "“written consent is on file”; without consent the picture cannot be saved or shown. "
    "Patients' photos are never used for advertising."
)
LOCKED = _(
    "An article that is live or waiting for medical review shows this picture, so it can "
    "no longer be changed here. To change it, upload a new picture and put it into the "
    "article: the change then goes through review with the article."
)
SEARCH_RESULTS = 20


@admin.register(Image)
class ImageAdmin(LanguageDirectionMixin, TabbedTranslationAdmin):
    form = ImageForm
    list_display = ["thumbnail", "title", "alt", "shows_patient", "consent_on_file", "created_at"]
    list_display_links = ["thumbnail", "title"]
    list_filter = ["shows_patient", "consent_on_file"]
    search_fields = ["title", *per_language("alt")]
    readonly_fields = ["preview", "size", "used_in", "consent_recorded_by", "consent_recorded_at"]
    fieldsets = [
        (None, {"fields": ["upload", "preview", "size", "used_in", "title", "alt", "caption"]}),
        (
            _("Consent"),
            {
                "fields": [
                    "shows_patient",
                    "consent_on_file",
                    "consent_recorded_by",
                    "consent_recorded_at",
                ]
            },
        ),
    ]

    def get_fieldsets(self, request, obj=None):
        # Adding: the file to upload. Changing: the picture as stored (never replaced).
        # Who recorded the consent, and when, is shown once there is something recorded.
        leave_out = (
            ("preview", "size", "used_in", "consent_recorded_by", "consent_recorded_at")
            if obj is None
            else ("upload",)
        )
        return [
            (title, {**options, "fields": [f for f in options["fields"] if f not in leave_out]})
            for title, options in super().get_fieldsets(request, obj)
        ]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and usage.in_reviewed_use(obj.pk):
            fields += ["title", *self.translated("alt"), *self.translated("caption")]
            fields += ["shows_patient", "consent_on_file"]
        return fields

    def translated(self, name):
        return [f"{name}_{code}" for code in languages.codes()]

    @admin.display(description=_("picture"))
    def thumbnail(self, obj):
        return format_html(
            '<img src="{}" width="120" height="{}" alt="" loading="lazy">',
            default_storage.url(obj.rendition_name(obj.rendition_widths()[0])),
            round(120 * obj.height / obj.width),
        )

    @admin.display(description=_("picture"))
    def preview(self, obj):
        return self.thumbnail(obj) if obj and obj.pk else ""

    @admin.display(description=_("used in"))
    def used_in(self, obj):
        """The articles whose text shows the picture, linked to their edit pages."""
        articles = list(usage.articles_using(obj.pk).order_by("pk")) if obj and obj.pk else []
        if not articles:
            return _("No article yet.")
        return format_html_join(
            mark_safe("<br>"),  # noqa: S308 - a fixed tag
            '<a href="{}">{}</a>',
            ((reverse("admin:content_article_change", args=[a.pk]), a.title) for a in articles),
        )

    @admin.display(description=_("size in pixels"))
    def size(self, obj):
        return f"{obj.width} × {obj.height}" if obj and obj.pk else ""

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The consent rule in every language of the site, whichever the admin speaks.
        rules = []
        for code in languages.codes():
            with translation.override(code):
                rules.append(
                    {"lang": code, "dir": languages.direction(code), "text": str(CONSENT_RULE)}
                )
        context["consent_rules"] = rules
        context["locked"] = LOCKED if obj is not None and usage.in_reviewed_use(obj.pk) else ""
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        response = super().changeform_view(request, object_id, form_url, extra_context)
        # A refused upload or a missing description: the form again, refilled, with 400.
        context = getattr(response, "context_data", None) or {}
        form = getattr(context.get("adminform"), "form", None)
        if request.method == "POST" and form is not None and form.errors:
            response.status_code = 400
        return response

    def save_model(self, request, obj, form, change):
        if not change:
            picture = form.picture
            obj.uploaded_by = request.user
            obj.width, obj.height = picture.width, picture.height
            obj.file.save(f"upload.{picture.extension}", picture.content, save=False)
        if "consent_on_file" in form.changed_data or (not change and obj.consent_on_file):
            obj.consent_recorded_by = request.user if obj.consent_on_file else None
            obj.consent_recorded_at = timezone.now() if obj.consent_on_file else None
        try:
            super().save_model(request, obj, form, change)
            if not change:
                renditions.make(obj)
        except Exception:
            if not change:  # nothing stored half-way: the files go with the row
                renditions.delete(obj)
            raise

    def has_delete_permission(self, request, obj=None):
        # Taking a picture off a live page (a withdrawn consent) is a reviewer's decision.
        allowed = super().has_delete_permission(request, obj)
        if allowed and obj is not None and usage.in_reviewed_use(obj.pk):
            return request.user.has_perm(PUBLISH_PERMISSION)
        return allowed

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        transaction.on_commit(lambda: renditions.delete(obj))

    def delete_queryset(self, request, queryset):
        images = list(queryset)
        super().delete_queryset(request, queryset)
        transaction.on_commit(lambda: [renditions.delete(image) for image in images])

    def get_urls(self):
        search = self.admin_site.admin_view(self.search_view)
        return [path("search/", search, name="images_image_search"), *super().get_urls()]

    def search_view(self, request):
        """The body editor's image dialog: usable pictures whose title or alt text holds
        the words typed, newest first, with the alt text in the field's language."""
        if not self.has_view_or_change_permission(request):
            return JsonResponse({"results": []}, status=403)
        language = request.GET.get("lang")
        if language not in languages.codes():
            language = translation.get_language()
        # Only pictures a page may show: a patient's without recorded consent is not offered.
        usable = Image.objects.exclude(shows_patient=True, consent_on_file=False)
        queryset, _duplicates = self.get_search_results(
            request, usable, request.GET.get("q", "").strip()
        )
        results = []
        for image in queryset[:SEARCH_RESULTS]:
            with translation.override(language):
                alt = image.alt
            thumbnail = image.rendition_name(image.rendition_widths()[0])
            results.append(
                {
                    "id": image.pk,
                    "title": image.title,
                    "alt": alt,
                    "thumbnail": default_storage.url(thumbnail),
                }
            )
        return JsonResponse({"results": results}, json_dumps_params={"ensure_ascii": False})
