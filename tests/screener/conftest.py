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
