"""Emergency (ambulance) numbers: the table of countries, and the numbers a page shows.

The table (emergency_numbers.yaml, every row with the page it was checked against) gives
each country's numbers; the clinic's country picks the row: the profile's once it is
saved, else settings.CLINIC_COUNTRY. Numbers the clinic enters in its profile replace the
row. So an urgent care card shows a real number from the first day, before anyone has
configured anything.
"""

from functools import cache
from pathlib import Path

import yaml
from django.conf import settings
from django.utils import translation

from mesoinfo import languages

TABLE_PATH = Path(__file__).with_name("emergency_numbers.yaml")

# The digits of each numbering system in settings.LANGUAGE_DETAILS ("digits").
DIGITS = {"latn": "0123456789", "arab": "٠١٢٣٤٥٦٧٨٩"}


@cache
def table():
    """{country code: {"numbers": [...], "authority": ..., "sources": [...], ...}}."""
    with TABLE_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def clinic_country(profile):
    """The clinic's ISO country code: the saved profile's, else CLINIC_COUNTRY."""
    if profile is not None and profile.pk and profile.country:
        return profile.country
    return str(settings.CLINIC_COUNTRY).strip().upper()


def country_numbers(country):
    """The table's numbers for a country; [] for a country the table does not hold."""
    return list(table().get(country, {}).get("numbers", []))


def numbers_for(profile):
    """The numbers to show: the profile's own, else its country's from the table."""
    own = profile.own_emergency_numbers if profile is not None else []
    return own or country_numbers(clinic_country(profile))


def local_digits(text, language=None):
    """`text` with its Latin digits written in the digits of `language` (the active one)."""
    code = language or translation.get_language() or settings.LANGUAGE_CODE
    try:
        system = languages.language(code.split("-")[0]).digits
    except Exception:  # a language the site is not written in: leave the digits as they are
        return text
    digits = DIGITS.get(system)
    if not digits or digits == DIGITS["latn"]:
        return text
    return str(text).translate(str.maketrans(DIGITS["latn"], digits))
