"""Deployment check: the site must not go live without saying who runs it."""

from django.conf import settings
from django.core import checks
from django.db import DatabaseError
from django.utils import translation

from .emergency import clinic_country, country_numbers
from .models import ClinicProfile


@checks.register("clinic", deploy=True)
def check_clinic_profile(app_configs=None, databases=None, **kwargs):
    """Warn while the clinic profile lacks details that visitors are shown."""
    try:
        profile = ClinicProfile.load()
        with translation.override("en"):
            missing = [str(label) for label in profile.missing_fields()]
    except DatabaseError:  # not migrated yet: no page can be served either
        return []
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


@checks.register("clinic", deploy=True)
def check_clinic_country(app_configs=None, databases=None, **kwargs):
    """Warn while the emergency numbers follow a country nobody chose."""
    try:
        profile = ClinicProfile.load()
    except DatabaseError:
        return []
    if profile.own_emergency_numbers:
        return []
    country = clinic_country(profile)
    problems = []
    if not profile.pk and not settings.CLINIC_COUNTRY_FROM_ENVIRONMENT:
        problems.append(
            checks.Warning(
                f"CLINIC_COUNTRY is not set: urgent advice gives the emergency numbers of "
                f"{country} ({', '.join(country_numbers(country))}) until the clinic profile "
                "is saved.",
                hint="Set CLINIC_COUNTRY to the clinic's ISO country code, e.g. AE or EG.",
                id="clinic.W002",
            )
        )
    if not country_numbers(country):
        problems.append(
            checks.Warning(
                f"No emergency number is known for {country}: urgent advice says only "
                "'the local emergency number'.",
                hint=(
                    "Enter the ambulance numbers in the clinic profile, or add the country, "
                    "with its source, to clinic/emergency_numbers.yaml."
                ),
                id="clinic.W003",
            )
        )
    return problems
