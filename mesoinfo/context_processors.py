"""Values every page's chrome needs."""

from django.conf import settings


def site(request):
    return {
        "SITE_CONTACT_EMAIL": settings.SITE_CONTACT_EMAIL,
        "SITE_CONTACT_PHONE": settings.SITE_CONTACT_PHONE,
    }
