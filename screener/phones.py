"""Phone numbers of consultation requests: parsed with the clinic's country as the default
region, stored in E.164 (+966501234567), searched in any digits."""

import phonenumbers
from django.conf import settings

from clinic.cache import cached_profile
from mesoinfo.validators import clean_visitor_text


def default_region():
    """The clinic's country (ISO 3166 alpha-2), for numbers typed without a country code.

    The clinic's profile names it once it is filled in; until then CLINIC_COUNTRY.
    """
    profile = cached_profile()
    country = profile.country if profile.pk else ""  # an unsaved one holds the field default
    country = str(country or settings.CLINIC_COUNTRY).strip().upper()
    return country if country in phonenumbers.SUPPORTED_REGIONS else settings.CLINIC_COUNTRY


def parse(text, region=None):
    """The number `text` stands for, or None: any decimal digits, spaces, dashes, 00 or +."""
    text = clean_visitor_text(str(text or "")).replace("\uff0b", "+")
    try:
        number = phonenumbers.parse(text, region or default_region())
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_possible_number(number) else None


def to_e164(text, region=None):
    """'٠٥٠١٢٣٤٥٦٧' -> '+966501234567' (with the clinic in Saudi Arabia); None if not a number."""
    number = parse(text, region)
    if number is None:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
