"""The logs never hold a visitor's screener answers, name, phone number or e-mail address."""

import logging

import pytest
from django.db import connection
from django.urls import reverse

from screener.models import ConsultationRequest
from tests.screener.helpers import answer_all, ready_token

pytestmark = pytest.mark.django_db

SECRETS = [
    "Zainab Quraishi",
    "زينب القرشي",
    "zainab.q@example.com",
    "+966501234567",
    "501234567",
    "٥٠١٢٣٤٥٦٧",
    "call after the school run",
    "pregnancy",
    "blood_thinners",
    "not_sure",
]


@pytest.fixture
def every_log_record(caplog):
    """Log everything, SQL statements with their values included, as DEBUG=True would."""
    caplog.set_level(logging.DEBUG)
    for name in ["django", "django.db.backends", "django.request", "django.security", "axes"]:
        caplog.set_level(logging.DEBUG, logger=name)
    connection.force_debug_cursor = True
    yield caplog
    connection.force_debug_cursor = False


def everything_logged(caplog):
    return "\n".join(f"{record.getMessage()} {vars(record)}" for record in caplog.records)


def test_full_screener_and_consultation_leave_nothing_personal_in_the_logs(
    client, every_log_record
):
    outcome = answer_all(client, {"pregnancy": "yes", "blood_thinners": "not_sure"})
    assert outcome.status_code == 200
    # A mistake first (logged as a Bad Request), then the real request.
    data = {
        "name": "زينب القرشي Zainab Quraishi",
        "phone": "+966 ٥٠١٢٣٤٥٦٧",
        "email": "zainab.q@example.com",
        "preferred_language": "ar",
        "preferred_time": "morning",
        "message": "call after the school run",
        "consent_to_contact": "on",
        "attach_outcome": "on",
        "website": "",
        "token": ready_token(),
    }
    bad = client.post(reverse("screener:consultation"), {**data, "consent_to_contact": ""})
    assert bad.status_code == 400
    sent = client.post(reverse("screener:consultation"), data)
    assert sent.status_code == 302
    row = ConsultationRequest.objects.get()
    assert row.phone == "+966501234567"
    assert row.screener_reasons == {"yes": ["pregnancy"], "not_sure": ["blood_thinners"]}

    logged = everything_logged(every_log_record)
    assert "INSERT" in logged  # the SQL was logged, without its values
    assert "Bad Request" in logged
    for secret in SECRETS:
        assert secret not in logged, secret


def test_redaction_blanks_emails_and_phone_numbers_in_any_message():
    from mesoinfo.logging import redact

    assert redact("from a.b@example.org about +44 7700 900123") == (
        "from [redacted] about [redacted]"
    )
    assert redact("GET /ar/screener/question/3/ 200") == "GET /ar/screener/question/3/ 200"
