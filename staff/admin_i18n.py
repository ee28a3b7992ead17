"""The admin in the staff member's language: names Django and third-party apps leave in
English (the site's name, sections, permissions, group names, history models)."""

import re

from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.timezone import localtime
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

# Sections (apps) whose own name is English or missing.
APP_NAMES = {
    # Ours, named for staff (finding A14): «المقالات › المقالات» and consultation requests
    # under «الاستبيان الأولي» read oddly.
    "content": _("Content"),
    "screener": _("Consultations"),
    "axes": _("Sign-in protection"),
    "auth": _("Staff accounts and groups"),
    "otp_totp": _("Two-step sign-in devices"),
    "otp_static": _("Two-step sign-in backup codes"),
}
# The groups the project's migrations create: stored under their English names.
GROUP_NAMES = [
    gettext_noop("Content editors"),
    gettext_noop("Reception"),
    gettext_noop("Medical reviewers"),
]
DEFAULT_PERMISSION_RE = re.compile(r"^(add|change|delete|view)_(\w+)$")
ACTIONS = {
    "add": _("Can add %(model)s"),
    "change": _("Can change %(model)s"),
    "delete": _("Can delete %(model)s"),
    "view": _("Can view %(model)s"),
}


def permission_name(permission):
    """A permission's name in the active language (the database keeps it in English)."""
    match = DEFAULT_PERMISSION_RE.match(permission.codename)
    model = permission.content_type.model_class()
    if match and model is not None and match.group(2) == model._meta.model_name:
        return ACTIONS[match.group(1)] % {"model": model._meta.verbose_name}
    return gettext(permission.name)


def _permission_str(permission):
    return f"{permission.content_type} | {permission_name(permission)}"


def _group_str(group):
    return gettext(group.name)


def _link_str(link):
    return gettext("link number %(number)s") % {"number": link.pk}


def _sign_in_record_str(record):
    return gettext("%(username)s at %(time)s") % {
        "username": record.username,
        "time": date_format(localtime(record.attempt_time), "DATETIME_FORMAT"),
    }


OTP_APPS = {"otp_totp", "otp_static", "twofactor"}


def _name_device_fields(model):
    """django_otp names its models and fields in English only."""
    # Field labels are left to the admin (twofactor/admin.py): relabelling the model's
    # fields would make makemigrations write a migration into django_otp itself.
    if model._meta.model_name == "totpdevice":
        model._meta.verbose_name = _("authenticator app")
        model._meta.verbose_name_plural = _("authenticator apps")


def _name_generated_models():
    """Many-to-many links and simple_history's copies are named in English by their
    libraries; axes names its records in English."""
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        original = getattr(model, "instance_type", None)
        if meta.auto_created:
            meta.verbose_name, meta.verbose_name_plural = _("link"), _("links")
            model.__str__ = _link_str
        elif original is not None and model.__name__ == f"Historical{original.__name__}":
            meta.verbose_name = format_lazy(_("historical {}"), original._meta.verbose_name)
            meta.verbose_name_plural = format_lazy(
                _("historical {}"), original._meta.verbose_name_plural
            )
        elif meta.app_label == "axes" and hasattr(model, "attempt_time"):
            model.__str__ = _sign_in_record_str
        elif meta.app_label in OTP_APPS:
            _name_device_fields(model)
        elif meta.app_label == "axes" and meta.model_name == "accessattemptexpiration":
            meta.verbose_name = _("access attempt expiry")
            meta.verbose_name_plural = _("access attempt expiries")


def translate_admin():
    from .forms import StaffAuthenticationForm

    admin.site.site_header = _("MesoInfo administration")
    admin.site.site_title = _("MesoInfo")
    admin.site.index_title = _("Site administration")
    admin.site.login_form = StaffAuthenticationForm
    labels = {config.label for config in apps.get_app_configs()}
    for label, name in APP_NAMES.items():
        if label in labels:
            apps.get_app_config(label).verbose_name = name
    Permission.__str__ = _permission_str
    Group.__str__ = _group_str
    _name_generated_models()
