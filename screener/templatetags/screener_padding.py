"""`{% fixed_size "outcome" %}…{% endfixed_size %}`: the part of a screener page that
depends on the visitor's answers, padded to the same number of bytes whatever they are
(screener.padding.REGION_BYTES)."""

from django import template
from django.utils.safestring import mark_safe

from screener.padding import REGION_BYTES, pad_to

register = template.Library()


class FixedSizeNode(template.Node):
    def __init__(self, nodelist, region):
        self.nodelist, self.region = nodelist, region

    def render(self, context):
        return mark_safe(pad_to(self.nodelist.render(context), REGION_BYTES[self.region]))  # noqa: S308 (the template's own output)


@register.tag
def fixed_size(parser, token):
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][1:-1] not in REGION_BYTES:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes one of {sorted(REGION_BYTES)} in quotes"
        )
    nodelist = parser.parse(("endfixed_size",))
    parser.delete_first_token()
    return FixedSizeNode(nodelist, bits[1][1:-1])
