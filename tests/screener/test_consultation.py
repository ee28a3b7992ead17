"""The consultation request: stored only with consent, health data only with a second consent."""

import html
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from screener.forms import normalise_phone
from screener.models import ConsultationRequest
from screener.questions import NOT_SURE, YES

from .helpers import answer_all, ready_token, url

pytestmark = pytest.mark.django_db


def page_of(response):
    return html.unescape(response.content.decode())


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_form_is_bilingual_and_private(client, language):
    response = client.get(url("consultation", language))
    assert response.status_code == 200
    page = page_of(response)
    assert f'<html lang="{language}"' in page
    assert "no-store" in response["Cache-Control"]
    assert 'name="attach_outcome"' not in page  # no screener result to attach
    assert 'name="website"' in page and 'class="honeypot" aria-hidden="true"' in page


def test_a_request_is_saved_with_a_normalised_phone(client, consultation_data):
    response = client.post(url("consultation", "ar"), consultation_data)
    assert response.status_code == 302
    assert response["Location"] == url("consultation_sent", "ar")
    saved = ConsultationRequest.objects.get()
    assert saved.phone == "+966501234567"
    assert saved.name == "ليلى أحمد"
    assert saved.consent_to_contact is True
    assert saved.screener_outcome == "" and saved.screener_reasons == {}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+٩٦٦٥٠١٢٣٤٥٦٧", "+966501234567"),
        ("۰۵۰۱۲۳۴۵۶۷", "0501234567"),
        ("00966 50 123 4567", "+966501234567"),
        ("(050) 123-4567", "0501234567"),
        ("+44 20 7946 0958", "+442079460958"),
        ("12345", None),
        ("phone me", None),
        ("+96650123456789012", None),
        ("++966501234567", None),
    ],
)
def test_phone_numbers_are_normalised(raw, expected):
    assert normalise_phone(raw) == expected


def test_without_consent_nothing_is_saved_and_the_form_is_refilled(client, consultation_data):
    del consultation_data["consent_to_contact"]
    consultation_data["message"] = "أفضل الاتصال بعد العصر"
    response = client.post(url("consultation", "en"), consultation_data)
    assert response.status_code == 400
    page = page_of(response)
    assert "There is a problem" in page
    assert 'href="#id_consent_to_contact"' in page
    assert 'value="ليلى أحمد"' in page
    assert "أفضل الاتصال بعد العصر" in page
    assert ConsultationRequest.objects.count() == 0


def test_errors_are_in_arabic_on_the_arabic_page(client, consultation_data):
    consultation_data["phone"] = "abc"
    response = client.post(url("consultation", "ar"), consultation_data)
    assert response.status_code == 400
    page = page_of(response)
    assert "توجد مشكلة" in page
    assert "<title>خطأ: " in page
    assert ConsultationRequest.objects.count() == 0


def test_screener_outcome_is_attached_only_with_the_second_consent(client, consultation_data):
    answer_all(client, {"pregnancy": YES, "stroke": NOT_SURE}, "en")
    page = page_of(client.get(url("consultation", "en")))
    checkbox = re.search(r'<input type="checkbox" name="attach_outcome"[^>]*>', page).group(0)
    assert "checked" not in checkbox  # unticked unless the visitor ticks it

    client.post(url("consultation", "en"), consultation_data)
    first = ConsultationRequest.objects.get()
    assert first.screener_outcome == "" and first.screener_reasons == {}

    answer_all(client, {"pregnancy": YES, "stroke": NOT_SURE}, "en")
    consultation_data.update(token=ready_token(), attach_outcome="on")
    client.post(url("consultation", "en"), consultation_data)
    second = ConsultationRequest.objects.exclude(pk=first.pk).get()
    assert second.screener_outcome == "avoid"
    assert second.screener_reasons == {"yes": ["pregnancy"], "not_sure": ["stroke"]}
    assert "screener" not in client.session


def test_attach_without_a_screener_result_stores_no_health_data(client, consultation_data):
    consultation_data["attach_outcome"] = "on"
    client.post(url("consultation", "en"), consultation_data)
    assert ConsultationRequest.objects.get().screener_outcome == ""


def test_a_double_submit_saves_one_request(client, consultation_data):
    first = client.post(url("consultation", "en"), consultation_data)
    second = client.post(url("consultation", "en"), consultation_data)
    assert first.status_code == second.status_code == 302
    assert ConsultationRequest.objects.count() == 1


def test_the_honeypot_stops_automated_senders(client, consultation_data):
    consultation_data["website"] = "http://spam.example"
    response = client.post(url("consultation", "en"), consultation_data)
    assert response.status_code == 400
    assert ConsultationRequest.objects.count() == 0


def test_a_form_sent_too_quickly_is_refused_and_can_be_sent_again(client, consultation_data):
    consultation_data["token"] = ready_token(seconds_ago=0)
    response = client.post(url("consultation", "en"), consultation_data)
    assert response.status_code == 400
    assert "very quick" in page_of(response)
    assert ConsultationRequest.objects.count() == 0
    assert 'value="ليلى أحمد"' in page_of(response)


@pytest.mark.parametrize("token", ["", "forged", ready_token(seconds_ago=3 * 24 * 3600)])
def test_a_missing_forged_or_expired_token_is_refused(client, consultation_data, token):
    consultation_data["token"] = token
    response = client.post(url("consultation", "en"), consultation_data)
    assert response.status_code == 400
    assert ConsultationRequest.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "x" * 101),
        ("name", "   "),
        ("email", "not-an-email"),
        ("message", "y" * 1001),
        ("preferred_language", "fr"),
        ("preferred_time", "midnight"),
    ],
)
def test_bad_fields_are_refused_with_everything_kept(client, consultation_data, field, value):
    consultation_data[field] = value
    response = client.post(url("consultation", "en"), consultation_data)
    assert response.status_code == 400
    assert f'href="#id_{field}"' in page_of(response)
    assert ConsultationRequest.objects.count() == 0


def test_requests_are_rate_limited_per_client(client, consultation_data, settings):
    settings.CONSULTATION_RATE_LIMIT = "2/h"
    for _ in range(2):
        consultation_data["token"] = ready_token()
        assert client.post(url("consultation", "en"), consultation_data).status_code == 302
    consultation_data["token"] = ready_token()
    response = client.post(url("consultation", "en"), consultation_data)
    assert response.status_code == 429
    assert 'value="ليلى أحمد"' in page_of(response)
    assert ConsultationRequest.objects.count() == 2


def test_purge_deletes_only_requests_older_than_the_retention_period(client, consultation_data):
    client.post(url("consultation", "en"), consultation_data)
    old = ConsultationRequest.objects.get()
    old.created_at = timezone.now() - timedelta(days=200)
    old.save()
    consultation_data["token"] = ready_token()
    client.post(url("consultation", "en"), consultation_data)
    call_command("purge_consultations", verbosity=0)
    assert list(ConsultationRequest.objects.all()) == [
        ConsultationRequest.objects.exclude(pk=old.pk).get()
    ]
    call_command("purge_consultations", days=1, verbosity=0)
    assert ConsultationRequest.objects.count() == 1
