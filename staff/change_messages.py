"""An admin history entry's message with the changed fields named in the reader's language.

Django stores the labels of the changed fields in English ("Status", "Reception notes") and
translates them when shown by looking each label up as a catalogue entry; a label the
catalogue lacks stays English («عُدّلت الحقول Status و Reception notes», finding J5-4). Here
each stored label is matched to the model's field of that English label and replaced by
the field's label in the active language, before Django words the message.
"""

import json

from django.contrib.admin.models import LogEntry
from django.utils import translation
from django.utils.text import capfirst


def field_labels(model):
    """{English label: label in the active language} for every field of `model`."""
    if model is None:
        return {}
    labels = {}
    fields = [f for f in model._meta.get_fields() if getattr(f, "verbose_name", None)]
    with translation.override("en"):
        english = [capfirst(str(field.verbose_name)) for field in fields]
    for label, field in zip(english, fields, strict=True):
        labels[label] = capfirst(str(field.verbose_name))
    return labels


def change_message(entry, extra_labels=None):
    """entry.get_change_message(), with the field labels in the active language;
    `extra_labels` ({stored label: shown label}) names labels that are not a model field's
    own, e.g. an article's per-language versioned fields."""
    message = entry.change_message
    if not message or not message.startswith("["):
        return entry.get_change_message()
    try:
        parts = json.loads(message)
    except json.JSONDecodeError:
        return entry.get_change_message()
    labels = field_labels(entry.content_type.model_class() if entry.content_type_id else None)
    labels.update(extra_labels or {})
    for part in parts:
        changed = part.get("changed") if isinstance(part, dict) else None
        if changed and "fields" in changed and "name" not in changed:
            changed["fields"] = [labels.get(name, name) for name in changed["fields"]]
    return LogEntry(change_message=json.dumps(parts)).get_change_message()
