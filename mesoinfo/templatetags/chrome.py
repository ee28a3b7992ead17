"""What the parts every page shares (the head's links, the header, the footer) vary on, for
Django's own `{% cache %}` tag, which keeps each in the process's cache (CACHES["local"]):

    {% chrome_key "header" as key %}{% cache chrome_seconds "chrome-header" key using="local" %}

Each key names the language and script prefix; the header's also which menu item is the
current page; the footer's every detail of the clinic profile it may show, so an edit to
the profile is a new footer at once in every worker. Nothing that differs per visitor (a
CSRF token, a message, the language switcher's link to this very address) may go inside.
"""

import hashlib

from django import template
from django.conf import settings
from django.urls import get_script_prefix
from django.utils.translation import get_language

register = template.Library()

FRAGMENT_SECONDS = 60 * 60


def current_item(request):
    """Which main menu item is the page shown (header.html's aria-current): home, screener,
    clinic, or none; and whether it is the search page (which has its own search box)."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "-"
    flags = (
        match.url_name == "home",
        match.namespace == "screener",
        match.namespace == "clinic",
        match.view_name == "search:results",
    )
    return "".join("1" if flag else "0" for flag in flags)


def clinic_details(context):
    """A digest of every field of the clinic profile the page has: whatever the footer
    shows of it, a change is a new footer."""
    clinic = context.get("clinic")
    if clinic is None:
        return "-"
    values = [(field.attname, getattr(clinic, field.attname)) for field in clinic._meta.fields]
    return hashlib.sha256(repr(values).encode()).hexdigest()[:16]


@register.simple_tag(takes_context=True)
def chrome_key(context, part):
    """What `part` ("head", "header" or "footer") varies on, beyond the template itself."""
    depends_on = {
        "head": lambda: "",
        "header": lambda: current_item(context.get("request")),
        "footer": lambda: clinic_details(context),
    }[part]()
    return f"{get_language()}:{get_script_prefix()}:{depends_on}"


@register.simple_tag
def chrome_seconds():
    """How long a part is kept; 0 with DEBUG on, so that an edited template shows at once."""
    return 0 if settings.DEBUG else FRAGMENT_SECONDS
