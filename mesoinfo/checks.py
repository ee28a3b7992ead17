"""Deployment checks (`manage.py check --deploy`) for the site's own settings."""

from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

DEFAULT_SITE_URL = "http://localhost:8000"
LOCAL_HOSTS = {"localhost", "localhost.localdomain", "127.0.0.1", "::1"}


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
    local = is_local(urlsplit(url).hostname)
    if url == DEFAULT_SITE_URL or not url.startswith("https://") or local:
        return [
            checks.Warning(
                f"SITE_URL is {settings.SITE_URL!r}: the links in staff and reception e-mails "
                "are built from it and would not lead to the site.",
                hint="Set SITE_URL to the site's public https address.",
                id="mesoinfo.W002",
            )
        ]
    return []


def is_local(host):
    host = (host or "").strip("[]").lower()
    return not host or host in LOCAL_HOSTS or host.endswith(".localhost")


@checks.register("mesoinfo", deploy=True)
def sender_addresses(app_configs, **kwargs):
    """Staff and reception e-mails come from DEFAULT_FROM_EMAIL, Django's error reports
    from SERVER_EMAIL: left at Django's defaults (webmaster@localhost, root@localhost),
    mail servers refuse them or file them as spam (review D9)."""
    if settings.DEBUG:
        return []
    warnings = []
    for number, name in ((3, "DEFAULT_FROM_EMAIL"), (4, "SERVER_EMAIL")):
        value = str(getattr(settings, name, "") or "")
        address = parseaddr(value)[1]
        if "@" not in address or is_local(address.rpartition("@")[2]):
            warnings.append(
                checks.Warning(
                    f"{name} is {value!r}: e-mail from the site would come from an address "
                    "on this machine, which mail servers refuse or treat as spam.",
                    hint=f"Set {name} to an address of the clinic's own domain.",
                    id=f"mesoinfo.W00{number}",
                )
            )
    return warnings
