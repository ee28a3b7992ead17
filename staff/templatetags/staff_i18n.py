from django import template

from staff.counts import count_of

register = template.Library()


@register.simple_tag
def admin_count(opts, count):
    """A number of `opts` objects with its noun, e.g. «18 مقالة»."""
    return count_of(opts, count)
