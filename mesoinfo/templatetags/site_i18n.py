"""Template tags for the language switcher and hreflang alternates."""

from django import template
from django.conf import settings
from django.utils.translation import get_language, get_language_info

from mesoinfo.i18n import alternate_urls

register = template.Library()

# Open Graph locales (language_TERRITORY) for the site's languages.
OG_LOCALES = {"ar": "ar_AR", "en": "en_GB"}


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
                "switch_url": url + query,
                "absolute_url": request.build_absolute_uri(url),
                "current": code == current,
                "default": code == settings.LANGUAGE_CODE,
                "og_locale": OG_LOCALES.get(code, code),
            }
        )
    return result
