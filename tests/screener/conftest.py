"""Fixtures for the screener tests."""

import pytest
from django.core.cache import cache

from .helpers import ready_token


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def consultation_data():
    return {
        "name": "ليلى أحمد",
        "phone": "+٩٦٦ ٥٠-١٢٣ ٤٥٦٧",
        "email": "",
        "preferred_language": "ar",
        "preferred_time": "morning",
        "message": "",
        "consent_to_contact": "on",
        "website": "",
        "token": ready_token(),
    }


@pytest.fixture
def maximal_site(db, category, make_article):
    """The largest screener pages the site can show: every clinic detail at its longest, and
    the articles the result links to with the longest titles and addresses a field takes
    (Arabic addresses are percent-encoded in links, six bytes a letter)."""
    from clinic.models import ClinicLicence, ClinicProfile
    from screener import articles

    ClinicProfile.objects.create(
        legal_name="ل" * 200,
        trade_name_ar="ع" * 200,
        trade_name_en="C" * 200,
        address_ar="ش" * 300,
        address_en="S" * 300,
        city_ar="ر" * 100,
        city_en="R" * 100,
        country="SA",
        phone="+966" + "1" * 12,
        whatsapp="+966" + "5" * 12,
        email=("e" * 64) + "@" + ("d" * 60 + ".") * 3 + "example",
        opening_hours_ar="م" * 300,
        opening_hours_en="O" * 300,
        emergency_phones=", ".join(["999999"] * 12),
    )
    ClinicLicence.objects.create(
        profile=ClinicProfile.objects.get(),
        kind_ar="ت" * 120,
        kind_en="K" * 120,
        number="9" * 60,
        issued_by_ar="و" * 200,
        issued_by_en="M" * 200,
    )
    category.slug_ar, category.slug_en = "ف" * 120, "c" * 120
    category.save()
    for n, key in enumerate((articles.EXPLAINING, *articles.FURTHER_READING)):
        make_article(
            corpus_key=key,
            title_ar="ح" * 199 + str(n),
            title_en="T" * 199 + str(n),
            slug_ar="س" * 199 + str(n),
            slug_en="s" * 199 + str(n),
        )
