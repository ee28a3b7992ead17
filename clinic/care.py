"""The site's one triage scheme: urgent, same day, routine, as three care cards.

An article body that holds the line `<!-- care-cards -->` gets these cards (Markdown
admonitions, rendered by content/components.py), so the side-effects, aftercare and type
pages all say the same thing about when to act. The wording lives here, translated
through the catalogue, and the numbers are filled in from the clinic (placeholders.py).
"""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from .emergency import clinic_country, table
from .models import COUNTRIES

# The names the cards use for the countries of the emergency table: short, as people say
# them («الإمارات», "the UAE"); a country not here gets its full name from COUNTRIES.
SHORT_NAMES = {
    "SA": pgettext_lazy("short country name", "Saudi Arabia"),
    "AE": pgettext_lazy("short country name", "the UAE"),
    "EG": pgettext_lazy("short country name", "Egypt"),
    "JO": pgettext_lazy("short country name", "Jordan"),
    "KW": pgettext_lazy("short country name", "Kuwait"),
    "QA": pgettext_lazy("short country name", "Qatar"),
    "BH": pgettext_lazy("short country name", "Bahrain"),
    "OM": pgettext_lazy("short country name", "Oman"),
    "LB": pgettext_lazy("short country name", "Lebanon"),
}


def country_name(code):
    """The country's short name in the active language ("" for an unknown code)."""
    return str(SHORT_NAMES.get(code) or dict(COUNTRIES).get(code, ""))


def emergency_country_text(profile):
    """The clinic's country, whose numbers the urgent card gives ("your country" if the
    site has no name for it)."""
    return country_name(clinic_country(profile)) or _("your country")


def other_countries_text(profile, number_text):
    """One line with the first ambulance number of every other country in the table
    ("Outside Saudi Arabia: the UAE 998, Egypt 123, …"), each number written by
    `number_text` (a link or an isolate), then one line for every country the table does not
    hold (its numbers unconfirmed, so none is given): call the local emergency number."""
    fallback = _("In any other country, call the local emergency number at once.")
    country = clinic_country(profile)
    others = [
        _("%(country)s %(number)s")
        % {"country": country_name(code), "number": number_text(row["numbers"][0])}
        for code, row in table().items()
        if code != country and row.get("numbers")
    ]
    if not others:
        return fallback
    heading = (
        _("Outside %(country)s:") % {"country": country_name(country)}
        if country_name(country)
        else _("In other countries:")
    )
    return f"{heading} {_(', ').join(others)}. {fallback}"


def urgent_signs():
    return [
        _(
            "swelling of the face, lips, tongue or throat, trouble breathing or swallowing, a "
            "rash that spreads with dizziness, or feeling very faint. This can be a severe "
            "allergic reaction (anaphylaxis)."
        ),
        _(
            "a patch of skin near an injection that turns white, pale or blotchy beyond the "
            "needle marks, or later dark, blue or grey, or that feels cold or very painful. Any "
            "one of these signs is enough: a blood vessel may be blocked. The skin is not "
            "getting blood, and it can die within hours. Small raised white bumps at each "
            "needle mark that fade within hours are normal: they are not this sign. If you "
            "have left the clinic, first phone the doctor or clinic who injected you, at once: "
            "they should keep the medicine that can dissolve hyaluronic acid, and they know what "
            "was injected. If you cannot reach them straight away, or if your sight changes, "
            "call the emergency number at once."
        ),
        _(
            "any change in your sight after an injection in the face, forehead or scalp: "
            "blurred sight, loss of sight, or seeing double. A blocked blood vessel to the eye "
            "can cause blindness that does not go away. Every minute counts."
        ),
        _(
            "a fever or very bad shivering with confusion or slurred speech, fast or hard "
            "breathing, or blue, pale or blotchy skin, lips or tongue; or redness that spreads "
            "fast from an injection site while you feel very unwell. This can be sepsis, a "
            "reaction to an infection that can kill. It needs treatment in hospital at once."
        ),
        _("chest pain."),
    ]


def same_day_signs():
    return [
        _("redness, heat or pain that gets worse after the second day, or pus;"),
        _("a fever after the session;"),
        _("a painful lump under the skin that keeps growing, even weeks after the session;"),
        _(
            "yellow skin or yellow whites of the eyes, or dark urine, even weeks later. These "
            "are signs of a liver problem, such as hepatitis passed on by a used needle, which "
            "a doctor needs to check;"
        ),
        _("sores at the injection sites that do not heal;"),
        _(
            "a needle, syringe or vial that you saw used for someone else before you. Do not "
            "wait for a blood test: medicine that prevents HIV works best if started within "
            "24 hours, and it is not given after 72 hours. If you are not sure you are "
            "protected against hepatitis B, its vaccine, sometimes with antibodies, is best "
            "given within 24 hours."
        ),
    ]


def routine_signs():
    return [
        _("bruises or small bumps that last more than two weeks;"),
        _("dark marks, thin or sunken skin, or scars where you had injections;"),
        _("hair falling out where your scalp was injected. Go soon: some hair loss leaves scars."),
    ]


def card(kind, heading, items, after=()):
    lines = [f'!!! {kind} "{heading}"']
    lines += [f"    - {item}" for item in items]
    for paragraph in after:
        lines += ["", f"    {paragraph}"]
    return "\n".join(lines)


def care_cards_markdown():
    """The three care cards as Markdown, with {emergency_number} and {same_day_contact}
    left for fill_placeholders to write in."""
    urgent = card(
        "urgent",
        _("Call an ambulance on {emergency_number} (in {emergency_country}) now if you have:"),
        urgent_signs(),
        [
            "{other_emergency_numbers}",
            _(
                "Do not wait for the clinic to open. If you cannot call, go straight to the "
                "nearest emergency department."
            ),
        ],
    )
    same_day = card(
        "same-day",
        _("Get medical advice today if you notice:"),
        same_day_signs(),
        ["{same_day_contact}"],
    )
    routine = card(
        "non-urgent",
        _("Tell a doctor soon, at the earliest visit you can, if you have:"),
        routine_signs(),
    )
    return "\n\n".join([urgent, same_day, routine]) + "\n"
