"""What the site-wide audit log says an article's save changed.

Django words a save's log entry from the form's changed data, which compares the form's
raw values (line ends, the loaded draft, dates) and so named both bodies for an Arabic-only
edit and the bodies again for a date change or a republish (walk 5, item 3). Here the entry
lists the fields whose versioned values differ, compared exactly as the article's History
page compares two versions (diff.changed_fields on workflow snapshots). The labels are stored
in the source language, as Django stores them, and put in the reader's language when shown.
"""

from django.utils import translation

from content import declaration
from content.models import Article

from . import workflow
from .diff import changed_fields, field_keys, label_for


def field_labels():
    """{stored (source-language) label: label in the active language} for every field the
    article versions, e.g. {"Body (Arabic)": "النص (العربية)"}."""
    keys = field_keys()
    with translation.override(None):
        stored = [label_for(label, code) for key, label, code in keys]
    return dict(zip(stored, [label_for(label, code) for key, label, code in keys], strict=True))


class AuditedChangesMixin:
    """An article admin whose log entries name only the fields that really changed."""

    def save_model(self, request, obj, form, change):
        before = None
        if change:
            before = workflow.editing_snapshot(
                Article.objects.select_related("latest_revision").get(pk=obj.pk)
            )
        super().save_model(request, obj, form, change)
        request.audited_change = (before, self.saved_snapshot(obj, form))

    def saved_snapshot(self, obj, form):
        """The snapshot the save wrote, taken as the workflow takes it (admin.save_model)."""
        values = {
            field.name: form.cleaned_data.get(field.name)
            if field.many_to_many
            else getattr(obj, field.name, None)
            for field in declaration.versioned_fields(Article)
        }
        return workflow.normalise(values)

    def construct_change_message(self, request, form, formsets, add=False):
        audited = getattr(request, "audited_change", None)
        if add or audited is None or audited[0] is None:
            return super().construct_change_message(request, form, formsets, add)
        before, after = audited
        with translation.override(None):
            fields = changed_fields(before, after)
        return [{"changed": {"fields": fields}}] if fields else []
