"""What a model's declaration says, worked out from it and from `_meta`: the article declares
its fields once (Article.translated_fields, panels, ...; as bakerydemo's content_panels and
search_fields), and modeltranslation, publishing, the revision snapshot (editorial), the
compare view and the admin read them through these functions.

Every editable field a model has is versioned, edited and published unless the model names
it in `unversioned_fields`: a new field cannot be lost at publish for want of a list entry.
"""

import datetime

from django.db import models
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _

from mesoinfo import languages


def per_language(name):
    """title -> [title_ar, title_en], in the order of settings.LANGUAGES."""
    return [f"{name}_{code}" for code in languages.codes()]


def _language_copies(model):
    return {name for base in model.translated_fields for name in per_language(base)}


def versioned_fields(model):
    """The model fields a revision keeps, staff edit and publishing writes: every editable
    field (translated ones as their per-language copies), less `unversioned_fields`."""
    copies = _language_copies(model)
    found = []
    for field in model._meta.get_fields():
        if not getattr(field, "editable", False) or field.auto_created:
            continue
        if field.name in model.unversioned_fields or field.name in copies:
            continue
        if field.name in model.translated_fields:
            found += [model._meta.get_field(name) for name in per_language(field.name)]
        else:
            found.append(field)
    return found


def versioned_names(model):
    return [field.name for field in versioned_fields(model)]


def base_field(model, name):
    """The model field a name stands for; for a per-language copy (title_ar), the field it
    copies (title)."""
    base = name.rsplit("_", 1)[0] if name in _language_copies(model) else name
    return model._meta.get_field(base)


def label(model, name):
    """The field's own label (its verbose name), for a per-language copy the field's."""
    return base_field(model, name).verbose_name


def compared_fields(model):
    """(name, label, language code or None) for every versioned field: the translated ones
    language by language first, then the rest, in the order the model declares them."""
    keys = [
        (f"{base}_{code}", label(model, base), code)
        for code in languages.codes()
        for base in model.translated_fields
    ]
    copies = _language_copies(model)
    return keys + [
        (field.name, field.verbose_name, None)
        for field in versioned_fields(model)
        if field.name not in copies
    ]


def panels(model):
    """The model's panels as admin fieldsets; a versioned field no panel names gets a panel
    of its own, so staff can always edit what publishing writes."""
    named = {name for _title, names in model.panels for name in names}
    rest = [
        name
        for name in versioned_names(model)
        if name not in named and name.rsplit("_", 1)[0] not in named
    ]
    fieldsets = [(title, {"fields": list(names)}) for title, names in model.panels]
    if rest:
        fieldsets.append((_("Other fields"), {"fields": rest}))
    return fieldsets


# Snapshots: JSON-ready values of the versioned fields, and back.


def normalise_text(value):
    """Line ends as the browser's CRLF or the files' LF are the same text."""
    return (value or "").replace("\r\n", "\n").replace("\r", "\n")


def normalise_time(value):
    """Whole seconds: the admin's form has no finer field, so finer is not a change."""
    if value is None:
        return None
    if isinstance(value, str):
        value = parse_datetime(value)
    # In UTC: the form gives the clinic's local time, the database UTC, for one instant.
    return value.replace(microsecond=0).astimezone(datetime.UTC).isoformat()


def to_snapshot(field, value):
    if field.many_to_many:
        return sorted(getattr(item, "pk", item) for item in value or [])
    if field.many_to_one or field.one_to_one:
        return getattr(value, "pk", value)
    if isinstance(field, models.DateTimeField):
        return normalise_time(value)
    if isinstance(field, models.DateField):
        return value.isoformat() if isinstance(value, datetime.date) else value
    if isinstance(field, models.BooleanField):
        return bool(value)
    if isinstance(field, models.IntegerField):
        return int(value or 0)
    if isinstance(field, models.CharField | models.TextField):
        return normalise_text(value)
    return value


def from_snapshot(field, value):
    """(attribute name, model value) of a snapshot's value."""
    if field.many_to_one or field.one_to_one:
        return field.attname, value
    if isinstance(field, models.DateTimeField):
        value = parse_datetime(value) if value else None
    elif isinstance(field, models.DateField):
        value = parse_date(value) if value else None
    if value is None and not field.null and field.has_default():
        value = field.get_default()
    return field.attname, value


def snapshot(model, values):
    """A snapshot from a dict of field values (model instances or keys for relations)."""
    return {
        field.name: to_snapshot(field, values.get(field.name)) for field in versioned_fields(model)
    }


def row_values(instance):
    """The versioned fields' values of a saved row (relations as keys)."""
    values = {}
    for field in versioned_fields(type(instance)):
        if field.many_to_many:
            values[field.name] = list(getattr(instance, field.name).values_list("pk", flat=True))
        else:
            values[field.name] = getattr(instance, field.attname)
    return values


def field_values(model, snapshot):
    """Model attribute values from a snapshot, many-to-many apart. A field the snapshot does
    not hold (it was taken before the field existed) is left as it is."""
    return dict(
        from_snapshot(field, snapshot[field.name])
        for field in versioned_fields(model)
        if field.name in snapshot and not field.many_to_many
    )
