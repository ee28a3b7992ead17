"""Template tags for the language switcher and hreflang alternates."""

import hashlib
from functools import partial

from django import template
from django.conf import settings
from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils.translation import get_language, get_language_info

from mesoinfo import languages
from mesoinfo.i18n import address_key, alternate_urls
from mesoinfo.language_choice import switch_url

register = template.Library()

# How long this process keeps a page's alternates and switcher (they change only with a
# release, which restarts it).
REMEMBER_SECONDS = 60 * 60


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """Each language as a dict: code, its name written in itself, bidi, url, current.

    `switch_url` is the address the language switcher links to: the same page, with the
    same query, in that language.

    Also whether it is the site's default language (hreflang x-default) and its
    Open Graph locale.
    """
    request = context["request"]
    obj = context.get("translated_object")
    key = address_key(request) if obj is None else None
    if key is None:
        return alternates_of(request, obj)
    return remembered(("alternates", *key), lambda: tuple(alternates_of(request, None)))


@register.simple_tag(takes_context=True)
def language_switcher(context, alternates):
    """includes/language_switcher.html for these alternates: rendered once per address for
    a page without a translated object, like the alternates themselves. A page whose
    context names `language_switch_form` gets buttons that send that form instead."""
    template_name = "includes/language_switcher.html"
    form_id = context.get("language_switch_form")
    if form_id:
        # Buttons that send the page's form, so what was typed is kept (J2-9): never kept.
        return render_to_string(template_name, {"alternates": alternates, "form_id": form_id})
    key = address_key(context["request"]) if context.get("translated_object") is None else None
    render = partial(render_to_string, template_name, {"alternates": alternates})
    if key is None:
        return render()
    return remembered(("switcher", *key), render)


def remembered(key, make):
    """make(), worked out once per key in this process's own cache (CACHES["local"], bounded
    like the pages kept there: visitors choose addresses), for pages that are not
    page-cached (the screener's questions, the contact page...)."""
    if settings.DEBUG:  # a developer's edited template shows at once
        return make()
    name = "i18n:" + hashlib.sha256(repr(key).encode()).hexdigest()[:32]
    return caches["local"].get_or_set(name, make, REMEMBER_SECONDS)


def alternates_of(request, obj):
    current = get_language()
    # The switcher keeps the query (a search, "return to the check page"); hreflang does not.
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    result = []
    for code, url in alternate_urls(request, obj):
        info = get_language_info(code)
        result.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "bidi": info["bidi"],
                "url": url,
                "switch_url": switch_url(code, url + query),
                "absolute_url": request.build_absolute_uri(url),
                "current": code == current,
                "default": code == settings.LANGUAGE_CODE,
                "og_locale": languages.language(code).og_locale,
            }
        )
    return result


@register.filter
def language_direction(code):
    """{{ code|language_direction }}: "rtl" or "ltr" for one of the site's languages (from
    settings.LANGUAGE_DETAILS), "auto" for any other."""
    return languages.direction(code)
