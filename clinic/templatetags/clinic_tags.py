"""Template filters for the clinic's numbers."""

from django import template

from clinic.emergency import local_digits as to_local_digits
from clinic.phone import grouped

register = template.Library()


@register.filter
def local_digits(value):
    """The value with its digits written in the active language's digits."""
    return to_local_digits(str(value)) if value not in (None, "") else value


@register.filter
def phone_grouped(value):
    """'+966112345678' -> '+966 11 234 5678' (the clinic's numbers are stored in E.164)."""
    return grouped(str(value)) if value else value
