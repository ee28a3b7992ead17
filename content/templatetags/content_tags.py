from django import template
from django.utils.safestring import mark_safe

from content.rendering import render_markdown
from content.structured_data import json_ld_script

register = template.Library()


@register.filter
def markdown(text):
    """Render an article body; the HTML is sanitised before it is marked safe."""
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitised by nh3 just above


@register.simple_tag(takes_context=True)
def json_ld(context, data):
    """The JSON-LD script for `data`, with the page's CSP nonce when there is one."""
    request = context.get("request")
    return json_ld_script(data, nonce=getattr(request, "csp_nonce", None))
