"""Deployment checks (`manage.py check --deploy`) for the site's own settings."""

from django.conf import settings
from django.core import checks

DEFAULT_SITE_URL = "http://localhost:8000"


@checks.register(checks.Tags.security, deploy=True)
def staff_second_factor(app_configs, **kwargs):
    if settings.DEBUG or settings.STAFF_OTP_REQUIRED:
        return []
    return [
        checks.Warning(
            "STAFF_OTP_REQUIRED is false with DEBUG off: staff sign in to the admin, which "
            "holds patients' contact details, with a password alone.",
            hint="Remove STAFF_OTP_REQUIRED from the environment (it is true by default).",
            id="mesoinfo.W001",
        )
    ]


@checks.register(checks.Tags.security, deploy=True)
def site_url(app_configs, **kwargs):
    if settings.DEBUG:
        return []
    url = settings.SITE_URL.rstrip("/")
    if url == DEFAULT_SITE_URL or not url.startswith("https://"):
        return [
            checks.Warning(
                f"SITE_URL is {settings.SITE_URL!r}: the links in staff and reception e-mails "
                "are built from it and would not lead to the site.",
                hint="Set SITE_URL to the site's public https address.",
                id="mesoinfo.W002",
            )
        ]
    return []
