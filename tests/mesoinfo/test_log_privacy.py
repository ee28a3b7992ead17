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
    bad = client.post(
        reverse("screener:consultation"), {**data, "consent_to_contact": ""}, follow=True
    )
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
    from mesoinfo.privacy import redact

    assert redact("from a.b@example.org about +44 7700 900123") == (
        "from [redacted] about [redacted]"
    )
    assert redact("GET /ar/screener/question/3/ 200") == "GET /ar/screener/question/3/ 200"


@pytest.mark.parametrize(
    "text",
    [
        "+966501234567",
        "+966 50-123 4567",
        "+٩٦٦ ٥٠-١٢٣ ٤٥٦٧",
        "٠٥٠١٢٣٤٥٦٧",
        "۰۵۰۱۲۳۴۵۶۷",
        "0501234567",
        "050 123 4567",
        "050-123-4567",
        "(050) 123 4567",
        "501234567",
        "966-1234-56-78",
        "+44 7700 900123",
    ],
)
def test_redaction_blanks_phone_numbers_written_every_way(text):
    from mesoinfo.privacy import redact

    assert redact(f"call {text} after six") == "call [redacted] after six"
    assert redact(f"{text}, please") == "[redacted], please"


@pytest.mark.parametrize(
    "text",
    [
        "AXES: Cleaned up 3 expired access attempts from database that were older than "
        "2026-11-24 10:26:30.123456+00:00",
        "older than 2026-11-24T10:26:30Z and 2026-11-24T10:26:30.5+03:00",
        "due on 2026-11-24.",
        "between 2026-11-24 and 2027-01-05",
        "at 10:26, 09:05:07 and 23:59:59,123",
        "reviewed in 2026, first published in 1999",
        "row 12 of 400, page 3",
        "(0.003) INSERT … ([redacted]); alias=default",
        "GET /ar/screener/question/3/ 200",
        '"GET /static/css/site.4f2a9c.css HTTP/1.1" 304 0',
    ],
)
def test_redaction_keeps_dates_times_and_short_numbers(text):
    from mesoinfo.privacy import redact

    assert redact(text) == text


def test_redaction_does_not_let_a_phone_number_hide_behind_a_date():
    from mesoinfo.privacy import redact

    assert redact("2026-11-24 0501234567") == "[redacted]"
    assert redact("at 10:26 call 050 123 4567") == "at 10:26 call [redacted]"
    assert redact("id 12 2026-11-24 10:26:30 x") == "id 12 2026-11-24 10:26:30 x"


def filtered(name, msg, *args):
    from mesoinfo.logging import RedactPersonalData

    record = logging.LogRecord(name, logging.INFO, __file__, 1, msg, args, None)
    assert RedactPersonalData().filter(record) is True
    return record.getMessage()


def test_the_filter_keeps_numbers_logged_as_numbers_and_times():
    from datetime import UTC, datetime

    # runserver's access line: a status code and a size must not read as a phone number.
    line = filtered("django.server", '"%s" %s %s', "GET /en/ HTTP/1.1", 200, 12345)
    assert line == '"GET /en/ HTTP/1.1" 200 12345'
    when = datetime(2026, 11, 24, 10, 26, 30, 123456, tzinfo=UTC)
    message = "AXES: Cleaned up %s expired access attempts from database that were older than %s"
    assert filtered("axes.handlers.database", message, 3, when) == (
        "AXES: Cleaned up 3 expired access attempts from database that were older than "
        "2026-11-24 10:26:30.123456+00:00"
    )
    assert filtered("axes", "%(count)d attempts since %(when)s", {"count": 4, "when": when}) == (
        "4 attempts since 2026-11-24 10:26:30.123456+00:00"
    )


def test_the_filter_blanks_personal_data_in_every_kind_of_argument():
    assert filtered("axes", "login failed for %s", "+966 50 123 4567") == (
        "login failed for [redacted]"
    )
    credentials = {"username": "layla@example.com", "phone": "٠٥٠١٢٣٤٥٦٧"}
    logged = filtered("axes", "AXES: User login failed %s", credentials)
    assert "layla" not in logged and "٠٥٠١٢٣٤٥٦٧" not in logged
    assert logged == "AXES: User login failed {'username': '[redacted]', 'phone': '[redacted]'}"
    assert filtered("django.request", "Bad Request: %r", ["0501234567"]) == (
        "Bad Request: ['[redacted]']"
    )
    assert filtered("django", "sent from 050-123-4567 at %s", "10:26") == (
        "sent from [redacted] at 10:26"
    )


@pytest.mark.parametrize("text", ["050.123.4567", "050/123/4567", "+966 (50) 123/4567"])
def test_redaction_blanks_phone_numbers_with_dots_and_slashes(text):
    from mesoinfo.privacy import redact

    assert redact(f"call {text} after six") == "call [redacted] after six"


@pytest.mark.parametrize(
    "text",
    [
        "on 25/11/2026 and 11/25/2026",
        "from 2026.10.01 to 2026/10/31",
        "at 10:26:03",
        "in 2019-2026",
        "between 2025 2026",
    ],
)
def test_redaction_keeps_dates_written_with_slashes_and_dots(text):
    from mesoinfo.privacy import redact

    assert redact(text) == text


def test_the_filter_blanks_a_phone_number_logged_as_a_number():
    assert filtered("django", "call back %s", 501234567) == "call back [redacted]"
    assert filtered("django", "call back %d", 966501234567) == "call back [redacted]"


def test_the_filter_blanks_a_phone_number_split_across_arguments():
    assert filtered("django", "call %s %s %s", "050", "123", "4567") == "call [redacted]"
    assert filtered("django", "call %s-%s", "050123", 4567) == "call [redacted]"
    assert filtered("axes", "%(a)s %(b)s", {"a": "+966 50", "b": "123 4567"}) == "[redacted]"


def test_the_filter_keeps_dates_and_the_axes_clean_up_line_whole():
    from datetime import UTC, date, datetime

    when = datetime(2026, 11, 24, 10, 26, 30, 123456, tzinfo=UTC)
    message = "AXES: Cleaned up %s expired access attempts from database that were older than %s"
    assert filtered("axes.handlers.database", message, 12, when) == (
        "AXES: Cleaned up 12 expired access attempts from database that were older than "
        "2026-11-24 10:26:30.123456+00:00"
    )
    assert filtered("django", "due %s, sent %s", date(2026, 11, 24), "25/11/2026") == (
        "due 2026-11-24, sent 25/11/2026"
    )


def test_the_filtered_record_is_not_formatted_a_second_time():
    from mesoinfo.logging import RedactPersonalData

    record = logging.LogRecord("django", logging.INFO, __file__, 1, "%s%%", ("50",), None)
    RedactPersonalData().filter(record)
    assert (record.msg, record.args) == ("50%", ())
    assert record.getMessage() == "50%"


def test_a_traceback_is_cut_and_redacted_too():
    """An exception whose text holds an 8 KB Host header and a phone number: the logged
    traceback keeps neither whole."""
    import sys

    from mesoinfo.logging import MAX_TRACEBACK, RedactPersonalData

    host = "h" * 8192
    try:
        raise ValueError(f"Invalid HTTP_HOST header: '{host}'. Call +966501234567")
    except ValueError:
        record = logging.LogRecord(
            "django.security", logging.ERROR, __file__, 1, "bad", (), sys.exc_info()
        )
    assert RedactPersonalData().filter(record) is True
    written = logging.Formatter().format(record)
    assert "Traceback" in written and "ValueError: Invalid HTTP_HOST header" in written
    assert host not in written and "h" * 600 not in written
    assert "501234567" not in written
    assert len(written) < MAX_TRACEBACK + 200
