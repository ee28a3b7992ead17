"""Placeholders editors write in article and page bodies, filled from the clinic profile.

In running text a number becomes a left-to-right `tel:` link and the e-mail a `mailto:`
link; in a callout's heading line (`!!! urgent "..."`), which Markdown shows as plain
text, they are written as plain text. A detail the clinic has not entered is said to be
missing, never guessed.
"""

from django.utils.translation import gettext as _

from .cache import cached_profile

PLACEHOLDERS = ("{emergency_number}", "{clinic_phone}", "{contact_email}", "{clinic_name}")


def ltr_link(text, scheme):
    return f'<span dir="ltr">[{text}]({scheme}:{text})</span>'


def placeholder_values(profile=None, links=True):
    """{placeholder: text} for the clinic's details in the active language (Markdown links
    when `links`)."""
    profile = profile or cached_profile()
    number = (lambda n: ltr_link(n, "tel")) if links else str
    emergency = [number(n) for n in profile.emergency_numbers]
    phone = number(profile.phone) if profile.phone else _("(number not yet provided)")
    email = _("(e-mail address not yet provided)")
    if profile.email:
        email = ltr_link(profile.email, "mailto") if links else profile.email
    return {
        "{emergency_number}": _(" or ").join(emergency) or _("(your local emergency number)"),
        "{clinic_phone}": phone,
        "{contact_email}": email,
        # Written so that "The clinic's name is {clinic_name}." stays a true sentence.
        "{clinic_name}": profile.name or _("not yet provided here"),
    }


def fill_placeholders(text, profile=None):
    """`text` with every clinic placeholder written in."""
    if not any(placeholder in text for placeholder in PLACEHOLDERS):
        return text
    profile = profile or cached_profile()
    linked, plain = placeholder_values(profile), placeholder_values(profile, links=False)
    lines = []
    for line in text.split("\n"):
        values = plain if line.lstrip().startswith("!!!") else linked
        for placeholder, value in values.items():
            line = line.replace(placeholder, value)
        lines.append(line)
    return "\n".join(lines)
