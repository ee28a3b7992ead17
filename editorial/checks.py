"""Staff e-mails link to the admin through SITE_URL: a production site must set it."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Warning, register

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", ""}


@register(deploy=True)
def site_url_is_the_sites_address(app_configs, **kwargs):
    host = urlsplit(getattr(settings, "SITE_URL", "")).hostname or ""
    if host in LOCAL_HOSTS or host.endswith(".localhost"):
        return [
            Warning(
                "SITE_URL is not this site's public address: the links in staff e-mails "
                "would lead to it.",
                hint="Set SITE_URL to the address staff open the site at (https://...).",
                id="editorial.W001",
            )
        ]
    return []
