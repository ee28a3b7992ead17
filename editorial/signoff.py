"""Sign-off for what patients read beside the articles: pages, authors and sources.

A change by someone who may not publish is not applied: it is kept as a ChangeRequest
(the changed fields, old and new) until a medical reviewer approves it, as an article's
text waits for review. Reviewers' and administrators' own changes are their sign-off.
"""

from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from . import notifications
from .models import ChangeRequest


def plain(field, value):
    """A form's cleaned value as JSON-ready data (primary keys for related objects)."""
    if field.many_to_many:
        return sorted(getattr(item, "pk", item) for item in (value or []))
    if field.is_relation:
        return getattr(value, "pk", value)
    return value


def stored_value(obj, field):
    if obj is None or obj.pk is None:
        return [] if field.many_to_many else None
    if field.many_to_many:
        return sorted(item.pk for item in field.value_from_object(obj))
    return field.value_from_object(obj)


def propose(obj, form, user, adding):
    """Keep the form's changes for sign-off; nothing is saved on `obj`."""
    opts = obj._meta
    original = None if adding else type(obj)._default_manager.get(pk=obj.pk)
    changes = {}
    for name in form.changed_data:
        try:
            field = opts.get_field(name)
        except FieldDoesNotExist:  # a form-only field: nothing to keep
            continue
        changes[name] = {
            "old": stored_value(original, field),
            "new": plain(field, form.cleaned_data.get(name)),
        }
    # One open request per object (review D7): a further save updates the pending one,
    # field by field, and the reviewer is not written to again.
    waiting = None if adding else pending_for(obj).order_by("-created_at").first()
    if waiting is not None:
        merged = {**waiting.changes}
        for name, change in changes.items():
            old = merged.get(name, change)["old"]
            if change["new"] == old:
                merged.pop(name, None)  # changed back to what patients read now
            else:
                merged[name] = {"old": old, "new": change["new"]}
        waiting.changes = merged
        waiting.author = user
        waiting.object_repr = str(obj)[:300]
        waiting.save(update_fields=["changes", "author", "object_repr"])
        return waiting
    request = ChangeRequest.objects.create(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id="" if adding else str(obj.pk),
        object_repr=str(obj)[:300],
        changes=changes,
        author=user,
    )
    notifications.change_proposed(request)
    return request


def pending_for(obj):
    return ChangeRequest.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=str(obj.pk),
        status=ChangeRequest.Status.PENDING,
    ).select_related("author")


@transaction.atomic
def approve(request, user):
    """Apply the change (create the object if new), log it and tell its author."""
    model = request.content_type.model_class()
    manager = model._default_manager
    obj = manager.select_for_update().get(pk=request.object_id) if request.object_id else model()
    many = {}
    for name, change in request.changes.items():
        field = model._meta.get_field(name)
        if field.many_to_many:
            many[name] = change["new"]
        elif field.is_relation:
            setattr(obj, field.attname, change["new"])
        else:
            setattr(obj, name, field.to_python(change["new"]))
    adding = obj.pk is None
    obj.save()
    for name, pks in many.items():
        getattr(obj, name).set(pks)
    request.status = ChangeRequest.Status.APPROVED
    request.object_id = str(obj.pk)
    request.decided_by, request.decided_at = user, timezone.now()
    request.save()
    # Stored in the source language, as Django stores a form's labels: the audit log shows
    # them in its reader's language (staff/change_messages.py), whoever approved.
    with translation.override(None):
        fields = [capfirst(field_label(model, name)) for name in request.changes]
    LogEntry.objects.log_actions(
        user_id=user.pk,
        queryset=[obj],
        action_flag=ADDITION if adding else CHANGE,
        change_message=[{"added": {}}] if adding else [{"changed": {"fields": fields}}],
    )
    notifications.change_decided(request)
    return obj


def reject(request, user, comment):
    request.status = ChangeRequest.Status.REJECTED
    request.comment = comment
    request.decided_by, request.decided_at = user, timezone.now()
    request.save()
    notifications.change_decided(request)


def admin_url(request):
    return reverse("admin:editorial_changerequest_change", args=[request.pk])


def shown_value(model, name, value):
    """A value kept in a change as staff read it: a choice by its label, a tick box as yes
    or no (a reviewer is not shown «copy» or «False»)."""
    field = model._meta.get_field(name)
    if not value and not isinstance(value, bool):
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.get_internal_type() == "BooleanField":
        return str(_("Yes") if value else _("No"))
    return str(value)


def field_label(model, name):
    field = model._meta.get_field(name)
    return str(field.verbose_name)


PENDING_MESSAGE = _(
    "Your change waits for a medical reviewer's sign-off. Patients see the earlier version "
    "until it is approved."
)


def local_date(moment):
    return notifications.local_time(moment)
