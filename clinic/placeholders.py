"""Placeholders editors write in article and page bodies, filled from the clinic profile.

Each is replaced by Markdown: a number becomes a left-to-right `tel:` link, the e-mail
a `mailto:` link. A detail the clinic has not entered reads "not yet provided", never
a guess.
"""

from django.utils.translation import gettext as _

from .cache import cached_profile


def ltr_link(text, scheme):
    return f'<span dir="ltr">[{text}]({scheme}:{text})</span>'


def placeholder_values(profile=None):
    """{placeholder: Markdown} for the clinic's details, in the active language."""
    profile = profile or cached_profile()
    missing = _("(not yet provided)")
    emergency = [ltr_link(number, "tel") for number in profile.emergency_numbers]
    return {
        "{emergency_number}": _(" or ").join(emergency) or missing,
        "{clinic_phone}": ltr_link(profile.phone, "tel") if profile.phone else missing,
        "{contact_email}": ltr_link(profile.email, "mailto") if profile.email else missing,
        "{clinic_name}": profile.name or _("the clinic that runs this site"),
    }


def fill_placeholders(text, profile=None):
    """`text` with every clinic placeholder written in."""
    for placeholder, value in placeholder_values(profile).items():
        text = text.replace(placeholder, value)
    return text
