"""The per-language table: every language of the site has its details, or nothing starts."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from mesoinfo import languages


def test_every_language_has_its_details():
    assert languages.codes() == ("ar", "en")
    assert languages.language("ar").direction == "rtl"
    assert languages.language("en").stemmer == "english"
    assert languages.direction("") == "auto"


def test_a_language_without_details_fails_loudly_instead_of_borrowing_english():
    three = [("ar", "Arabic"), ("en", "English"), ("fr", "French")]
    with override_settings(LANGUAGES=three), pytest.raises(ImproperlyConfigured, match="'fr'"):
        languages.language("fr")
    assert languages.language("en").direction == "ltr"
