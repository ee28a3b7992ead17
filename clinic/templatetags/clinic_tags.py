"""Template filters for the clinic's numbers."""

from django import template
from django.utils.html import format_html, format_html_join

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


@register.simple_tag(takes_context=True)
def emergency_country(context):
    """The short name of the clinic's country, whose emergency numbers a page gives."""
    from clinic.care import emergency_country_text

    return emergency_country_text(context.get("clinic"))


@register.simple_tag
def urgent_signs():
    """The signs that need an ambulance, as the urgent care card lists them (one source)."""
    from clinic.care import urgent_signs as signs

    return signs()


@register.simple_tag(takes_context=True)
def other_emergency_numbers(context):
    """The line with the other countries' ambulance numbers, each a left-to-right link."""
    from clinic.care import other_countries_text

    numbers = []

    def token(number):
        numbers.append(number)
        return f"\x00{len(numbers) - 1}\x00"

    # The words are escaped by format_html_join; the links are already safe.
    parts = other_countries_text(context.get("clinic"), token).split("\x00")
    for index in range(1, len(parts), 2):
        number = numbers[int(parts[index])]
        parts[index] = format_html(
            '<a class="phone-number" href="tel:{}" dir="ltr">{}</a>',
            number,
            to_local_digits(number),
        )
    return format_html_join("", "{}", ((part,) for part in parts))
