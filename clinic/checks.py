"""Deployment check: the site must not go live without saying who runs it."""

from django.core import checks
from django.db import DatabaseError


@checks.register("clinic", deploy=True)
def check_clinic_profile(app_configs=None, databases=None, **kwargs):
    """Warn while the clinic profile lacks details that visitors are shown."""
    from django.utils import translation

    from .models import ClinicProfile

    try:
        profile = ClinicProfile.load()
        with translation.override("en"):
            missing = [str(label) for label in profile.missing_fields()]
    except DatabaseError:  # not migrated yet
        missing = ["every detail"]
    if not missing:
        return []
    return [
        checks.Warning(
            "The clinic profile is incomplete: missing " + ", ".join(missing) + ".",
            hint=(
                "In the admin, an administrator fills in The clinic > Clinic profile. Until "
                "then every page says that these details are not yet provided."
            ),
            id="clinic.W001",
        )
    ]
