from django import template
from django.utils.safestring import mark_safe

from content.rendering import render_markdown
from content.structured_data import json_ld_script

register = template.Library()


@register.filter
def markdown(text):
    """Render an article body (with its "On this page" list when it is long); the HTML is
    sanitised before it is marked safe."""
    return mark_safe(render_markdown(text, contents=True))  # noqa: S308 - sanitised by nh3 just above


@register.simple_tag
def json_ld(data):
    """The JSON-LD data block for `data`."""
    return json_ld_script(data)
