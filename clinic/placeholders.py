"""Placeholders editors write in article and page bodies, filled from the clinic profile.

In running text a number becomes a left-to-right `tel:` link and the e-mail a `mailto:`
link; in a callout's heading line (`!!! urgent "..."`), which Markdown shows as plain
text, a number is wrapped in Unicode's left-to-right isolate marks instead. Numbers are
written in the page language's digits (the link keeps Latin digits). The emergency number
is never missing: without the clinic's own, its country's comes from the table
(emergency.py). The line `<!-- care-cards -->` becomes the site's one triage scheme
(care.py); written as an HTML comment, it shows nothing wherever a body is rendered without
the clinic's details (search snippets, readability). A detail the clinic has not entered
is said to be missing, never guessed.
"""

from django.utils.translation import gettext as _

from .cache import cached_profile
from .emergency import local_digits
from .phone import grouped

PLACEHOLDERS = (
    "{emergency_number}",
    "{emergency_country}",
    "{other_emergency_numbers}",
    "{clinic_phone}",
    "{contact_email}",
    "{clinic_name}",
    "{same_day_contact}",
    "<!-- care-cards -->",
)
CARE_CARDS = "<!-- care-cards -->"
# Unicode's LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE: isolation in plain text.
LRI, PDI = "\u2066", "\u2069"


def ltr_link(text, scheme, shown=None):
    return f'<span dir="ltr">[{shown or text}]({scheme}:{text})</span>'


def phone_text(number, links=True):
    """A phone number in the page's digits, isolated left-to-right (a link when `links`)."""
    shown = local_digits(grouped(number))
    return ltr_link(number, "tel", shown) if links else f"{LRI}{shown}{PDI}"


def emergency_text(profile, links=True):
    """ "997 or 911": the numbers to call for an ambulance, isolated one by one."""
    numbers = [phone_text(n, links) for n in profile.emergency_numbers]
    return _(" or ").join(numbers) or _("the local emergency number")


def same_day_contact(profile, links=True):
    """What to do today: call the clinic if its number is known, else see a doctor nearby."""
    if profile.phone:
        return _(
            "Call the clinic on %(phone)s. If you cannot reach it, see a doctor near you "
            "today, or ask a pharmacist where to go."
        ) % {"phone": phone_text(profile.phone, links)}
    return _(
        "See a doctor near you today, at a clinic or a health centre. If you cannot find "
        "one, ask a pharmacist where to go."
    )


def placeholder_values(profile=None, links=True):
    """{placeholder: text} for the clinic's details in the active language (Markdown links
    when `links`)."""
    profile = profile or cached_profile()
    # Without a phone, {clinic_phone} still says what to do (the care cards use
    # {same_day_contact} instead, so that no card shows a note in brackets).
    phone = (
        phone_text(profile.phone, links)
        if profile.phone
        else _("(number not yet provided; until it is, see a doctor near you or ask a pharmacist)")
    )
    email = _("(e-mail address not yet provided)")
    if profile.email:
        email = ltr_link(profile.email, "mailto") if links else profile.email
    from .care import emergency_country_text, other_countries_text

    return {
        "{emergency_number}": emergency_text(profile, links),
        "{emergency_country}": emergency_country_text(profile),
        "{other_emergency_numbers}": other_countries_text(
            profile, lambda number: phone_text(number, links)
        ),
        "{clinic_phone}": phone,
        "{contact_email}": email,
        # Written so that "The clinic's name is {clinic_name}." stays a true sentence.
        "{clinic_name}": profile.name or _("not yet provided here"),
        "{same_day_contact}": same_day_contact(profile, links),
    }


def fill_placeholders(text, profile=None):
    """`text` with every clinic placeholder written in."""
    if not any(placeholder in text for placeholder in PLACEHOLDERS):
        return text
    from .care import care_cards_markdown

    profile = profile or cached_profile()
    if CARE_CARDS in text:
        text = "\n".join(
            care_cards_markdown() if line.strip() == CARE_CARDS else line
            for line in text.split("\n")
        )
    linked, plain = placeholder_values(profile), placeholder_values(profile, links=False)
    lines = []
    for line in text.split("\n"):
        values = plain if line.lstrip().startswith("!!!") else linked
        for placeholder, value in values.items():
            line = line.replace(placeholder, value)
        lines.append(line)
    return "\n".join(lines)
