from django import template

from staff.change_messages import change_message as worded_change_message
from staff.counts import count_of

register = template.Library()


@register.simple_tag
def admin_count(opts, count):
    """A number of `opts` objects with its noun, e.g. «18 مقالة»."""
    return count_of(opts, count)


@register.simple_tag
def change_message(entry):
    """A history entry's message with the changed fields in the reader's language."""
    return worded_change_message(entry)
