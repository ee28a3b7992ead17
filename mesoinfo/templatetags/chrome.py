"""`{% chrome "header" %}…{% endchrome %}`: the parts of every page that are the same for
most visitors (the head's links, the header, the footer), rendered once per process and
language.

Kept in the process's own cache (CACHES["local"]) under a key naming everything the part
depends on: the language, the script prefix, and for the header which menu item is the
current page; for the footer the content version, which an edit to the clinic profile
replaces (or, while there is none, the clinic's details it shows), so the edit shows at once
in every worker. Nothing that
differs per visitor (a CSRF token, a message, the language switcher's link to this very
address) may go inside. With DEBUG on, parts are rendered every time, so that an edited
template shows at once.
"""

import hashlib

from django import template
from django.conf import settings
from django.urls import get_script_prefix
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

PARTS = ("head", "header", "footer")
FRAGMENT_SECONDS = 60 * 60


def current_item(request):
    """Which main menu item is the page shown (header.html's aria-current): home, screener,
    clinic, or none."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "-"
    flags = (match.url_name == "home", match.namespace == "screener", match.namespace == "clinic")
    return "".join("1" if flag else "0" for flag in flags)


def footer_inputs(context):
    """The clinic's details the footer shows: a change to any of them is a new footer."""
    clinic = context.get("clinic")
    details = (clinic.name, clinic.phone, clinic.email) if clinic is not None else ()
    return hashlib.sha256(repr(details).encode()).hexdigest()[:16]


def footer_version(context):
    """The content version when there is one (any edit to the clinic profile replaces it,
    clinic/signals.py): a read of a short string, where the profile is a model to unpickle.
    Else the clinic's details themselves: making a version costs queries."""
    from content.cache import shared_version

    version = shared_version()
    return f"v{version}" if version is not None else footer_inputs(context)


def fragment_key(part, context):
    """The cache key of `part` as this request shows it."""
    # Besides the language and the script prefix: the head's links depend on nothing else
    # (the static files' names change with the release, which restarts the process).
    if part == "head":
        depends_on = ""
    elif part == "header":
        depends_on = current_item(context["request"])
    else:
        depends_on = footer_version(context)
    return f"chrome:{part}:{get_language()}:{get_script_prefix()}:{depends_on}"


class ChromeNode(template.Node):
    def __init__(self, part, nodelist):
        self.part, self.nodelist = part, nodelist

    def render(self, context):
        request = context.get("request")
        # No request (a page rendered without one): nothing says which page it is for.
        if settings.DEBUG or request is None:
            return self.nodelist.render(context)
        from content.cache import local_cache

        key = fragment_key(self.part, context)
        html = local_cache().get(key)
        if html is None:
            html = self.nodelist.render(context)
            local_cache().set(key, str(html), FRAGMENT_SECONDS)
        return mark_safe(html)  # noqa: S308 - the template's own output, escaped as it rendered


@register.tag
def chrome(parser, token):
    """{% chrome "header" %}: one of the parts every page shares."""
    bits = token.split_contents()
    part = bits[1].strip("\"'") if len(bits) == 2 else ""
    if part not in PARTS:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one of {', '.join(PARTS)}")
    nodelist = parser.parse(("endchrome",))
    parser.delete_first_token()
    return ChromeNode(part, nodelist)
