"""Saving the profile or a licence forgets its cached copy and every cached page."""

from django.db.models.signals import post_delete, post_save

from content.cache import bump_content_version

from .cache import forget_profile
from .models import ClinicLicence, ClinicProfile


def forget(**kwargs):
    forget_profile(**kwargs)
    bump_content_version(**kwargs)


def connect():
    for model in (ClinicProfile, ClinicLicence):
        uid = f"clinic-forget-{model.__name__}"
        post_save.connect(forget, sender=model, dispatch_uid=uid)
        post_delete.connect(forget, sender=model, dispatch_uid=f"{uid}-deleted")
