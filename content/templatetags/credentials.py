"""Staff-typed credentials (licence numbers such as "12-R-3456") shown on Arabic pages:
isolated as a whole (<bdi>) and their Latin and digit runs kept left to right (bidi.py),
so a patient checking a licence reads the number as it was typed."""

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from content.bidi import isolate_text

register = template.Library()


@register.filter
def isolated_credentials(value):
    if not value:
        return ""
    text = str(value)
    if not get_language_info(get_language())["bidi"]:
        return escape(text)  # a left-to-right page reads it as typed
    return format_html("<bdi>{}</bdi>", mark_safe(isolate_text(text)))  # noqa: S308 - escaped
