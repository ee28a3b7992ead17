"""Saving the profile or a licence forgets its cached copy (the cached pages that show it
are forgotten by content/signals.py, as for every model mesoinfo/registry.py marks public)."""

from django.db.models.signals import post_delete, post_save

from .cache import forget_profile
from .models import ClinicLicence, ClinicProfile


def connect():
    for model in (ClinicProfile, ClinicLicence):
        uid = f"clinic-forget-{model.__name__}"
        post_save.connect(forget_profile, sender=model, dispatch_uid=uid)
        post_delete.connect(forget_profile, sender=model, dispatch_uid=f"{uid}-deleted")
