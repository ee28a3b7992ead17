"""The same page in every language, for the language switcher and hreflang links."""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation


def alternate_urls(request, obj=None):
    """Return [(language code, path)] for the page being shown, one per language.

    A translated object (an article, a category) knows its own address in each
    language, because its slug is translated; any other page keeps its path and
    only changes the language prefix.
    """
    urls = []
    for code, _name in settings.LANGUAGES:
        if obj is not None:
            with translation.override(code):
                url = obj.get_absolute_url()
        else:
            url = translate_url(request.path, code)
        urls.append((code, url))
    return urls
