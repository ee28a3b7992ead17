"""The clinic's own numbers: typed as people write them (spaces, dashes, Arabic-Indic
digits, with or without the country code), stored in E.164, shown grouped."""

import phonenumbers

from mesoinfo.validators import clean_visitor_text


def to_e164(text, region):
    """'+966 11 234 5678' or '٠١١ ٢٣٤ ٥٦٧٨' (region SA) -> '+966112345678'; None if no number."""
    text = clean_visitor_text(str(text or "")).replace("\uff0b", "+")
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def grouped(e164):
    """'+966112345678' -> '+966 11 234 5678', as the country groups it; unchanged if unknown."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def example(region):
    """A landline of `region` in international form, from libphonenumber's own examples."""
    number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.FIXED_LINE)
    return (
        grouped(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
        if number
        else ""
    )
