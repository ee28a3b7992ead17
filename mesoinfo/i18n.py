"""The same page in every language, for the language switcher and hreflang links."""

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language


def alternate_urls(request, obj=None):
    """Return [(language code, path)] for the page being shown, one per language.

    A translated object (an article, a category) knows its own address in each
    language, because its slug is translated; any other page keeps its path and
    only changes the language prefix.
    """
    urls = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            if obj is not None:
                url = obj.get_absolute_url()
            else:
                url = same_view_url(request) or translate_url(request.path, code)
        urls.append((code, url))
    return urls


def same_view_url(request):
    """The address of the view that served this request, in the active language; None when
    unknown. The request was resolved already: resolving its path again costs time."""
    match = request.resolver_match
    if match is None or not match.url_name:
        return None
    try:
        return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return None


def address_key(request):
    """What a page's alternates follow from when it has no translated object: its address,
    its view, the language and the settings they are made with."""
    match = request.resolver_match
    view = (match.view_name, match.args, tuple(sorted(match.kwargs.items()))) if match else None
    return (
        request.scheme,
        request.get_host(),
        request.path,
        request.META.get("QUERY_STRING", ""),
        view,
        get_language(),
        settings.LANGUAGE_CODE,
        get_script_prefix(),
        get_urlconf(),
    )
