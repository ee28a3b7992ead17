from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from content.rendering import render_markdown
from content.structured_data import json_ld_script

register = template.Library()


@register.filter
def markdown(text):
    """Render an article body for the page's language (with its "On this page" list when it
    is long); the HTML is sanitised before it is marked safe, and on an Arabic page its
    Latin runs are isolated."""
    return mark_safe(render_markdown(text, contents=True, language=get_language()))  # noqa: S308 - sanitised by nh3


@register.simple_tag
def json_ld(data):
    """The JSON-LD data block for `data`."""
    return json_ld_script(data)
