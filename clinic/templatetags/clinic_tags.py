"""Template filters for the clinic's numbers."""

from django import template

from clinic.emergency import local_digits as to_local_digits

register = template.Library()


@register.filter
def local_digits(value):
    """The value with its digits written in the active language's digits."""
    return to_local_digits(str(value)) if value not in (None, "") else value
