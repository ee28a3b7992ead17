"""The article and page body editor: a Markdown textarea that JavaScript turns into a
toolbar editor with a live preview (static/js/body-editor.js); without JavaScript it
stays a plain textarea."""

import json

from django import forms
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from mesoinfo.languages import direction

TOOLBAR_LABELS = {
    "h2": _("Heading"),
    "h3": _("Subheading"),
    "bold": _("Bold"),
    "ul": _("Bulleted list"),
    "ol": _("Numbered list"),
    "link": _("Link"),
    "table": _("Table"),
    "urgent": _("Urgent care"),
    "same-day": _("Same-day care"),
    "non-urgent": _("Non-urgent care"),
    "warning": _("Warning"),
    "inset": _("Inset"),
    "preview": _("Preview, as the page will show it"),
    "heading_text": _("Heading"),
    "link_text": _("link text"),
    "callout_text": _("Text of the box."),
    "column": _("Column"),
    "cell": _("Cell"),
    "toolbar": _("Formatting"),
    "warnings": _("Will be removed from the page:"),
    "error": _("The preview could not be updated; the text is not affected."),
    "link_dialog": _("Insert a link"),
    "link_search": _("Find an article of this site by its title"),
    "link_none": _("No published article has these words in its title."),
    "link_or_address": _("Or a web address on another site"),
    "link_label": _("Link text"),
    "link_insert": _("Insert the link"),
    "link_cancel": _("Cancel"),
    "link_chosen": _("Chosen: %(title)s"),
    "image": _("Image"),
    "image_dialog": _("Insert a picture"),
    "image_search": _("Find a picture in the library by its title or description"),
    "image_none": _("No picture in the library matches these words."),
    "image_insert": _("Insert the picture"),
    "image_upload": _("Upload a new picture to the library (opens in a new tab)"),
    # The box dialog (care cards, warning, side note).
    "callout_dialog": _("Insert a box"),
    "callout_edit": _("Change this box"),
    "callout_kind": _("Kind of box"),
    "urgent_hint": _("Get help now: signs of an emergency (red)."),
    "same-day_hint": _("Contact a doctor today (yellow)."),
    "non-urgent_hint": _("Speak to a doctor when you can (blue)."),
    "warning_hint": _("An important caution, set apart from the text."),
    "inset_hint": _("A side note: extra information, with no urgency."),
    "callout_heading": _("Heading (optional)"),
    "callout_heading_hint": _(
        "Left empty, a care card or a warning shows its usual heading; a side note shows none."
    ),
    "callout_body": _("Text of the box"),
    "callout_body_hint": _(
        "An empty line starts a new paragraph. Lists and links are written as in the rest "
        "of the article."
    ),
    "callout_insert": _("Insert the box"),
    "callout_update": _("Update the box"),
}


def page_styles(code):
    """The stylesheets a public page in language `code` is drawn with (base.html's)."""
    bootstrap = (
        "vendor/bootstrap/bootstrap.rtl.min.css"
        if direction(code) == "rtl"
        else "vendor/bootstrap/bootstrap.min.css"
    )
    return [static(bootstrap), static("css/site.css")]


def image_urls():
    """The image library's search and upload addresses, when the app that keeps pictures
    is installed (content imports no app of ours: it asks the URLs by name)."""
    try:
        return {
            "data-image-search-url": reverse("admin:images_image_search"),
            "data-image-upload-url": reverse("admin:images_image_add"),
        }
    except NoReverseMatch:
        return {}


class BodyEditor(forms.Textarea):
    template_name = "django/forms/widgets/textarea.html"

    class Media:
        css = {"all": ["vendor/easymde/easymde.min.css", "css/body-editor.css"]}
        js = ["vendor/easymde/easymde.min.js", "js/body-editor.js"]

    def __init__(self, attrs=None):
        super().__init__({"rows": 20, **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        labels = {key: str(label) for key, label in TOOLBAR_LABELS.items()}
        context["widget"]["attrs"].update(
            {
                "data-body-editor": "",
                "data-preview-url": reverse("body_preview"),
                "data-link-search-url": reverse("admin:content_article_link_search"),
                # The preview is drawn with the public site's own styles (same as the page).
                "data-page-styles": json.dumps(page_styles(name.rsplit("_", 1)[-1])),
                "data-language": name.rsplit("_", 1)[-1],
                "data-labels": json.dumps(labels, ensure_ascii=False),
                **image_urls(),
            }
        )
        return context


class BodyEditorAdminMixin:
    """Gives every translated `body_*` field of a model admin the body editor."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name.startswith("body_"):
            field.widget = BodyEditor(attrs=field.widget.attrs)
        return field
