"""The consultation request: stored only with consent, health data only with a second consent."""

import html
import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from screener.models import ConsultationRequest
from screener.phones import to_e164 as normalise_phone
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
    # The trap is in the form but hidden from everyone: not shown, not read out, not in the
    # tab order, never autofilled.
    trap = re.search(r'<div class="honeypot" hidden>.*?</div>', page, re.S).group(0)
    assert 'name="website"' in trap and 'tabindex="-1"' in trap and 'autocomplete="off"' in trap


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
        ("۰۵۰۱۲۳۴۵۶۷", "+966501234567"),  # E.164, the clinic's country by default
        ("00966 50 123 4567", "+966501234567"),
        ("(050) 123-4567", "+966501234567"),
        ("+44 20 7946 0958", "+442079460958"),
        ("12345", None),
        ("phone me", None),
        ("+96650123456789012", None),
        ("++966501234567", "+966501234567"),  # phonenumbers reads a doubled +
    ],
)
def test_phone_numbers_are_normalised(raw, expected):
    assert normalise_phone(raw) == expected


def test_without_consent_nothing_is_saved_and_the_form_is_refilled(client, consultation_data):
    del consultation_data["consent_to_contact"]
    consultation_data["message"] = "أفضل الاتصال بعد العصر"
    response = client.post(url("consultation", "en"), consultation_data, follow=True)
    assert response.status_code == 400
    page = page_of(response)
    assert "There is a problem" in page
    assert 'href="#id_consent_to_contact"' in page
    assert 'value="ليلى أحمد"' in page
    assert "أفضل الاتصال بعد العصر" in page
    assert ConsultationRequest.objects.count() == 0


def test_errors_are_in_arabic_on_the_arabic_page(client, consultation_data):
    consultation_data["phone"] = "abc"
    response = client.post(url("consultation", "ar"), consultation_data, follow=True)
    assert response.status_code == 400
    page = page_of(response)
    assert "يُرجى تصحيح ما يلي:" in page
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
    response = client.post(url("consultation", "en"), consultation_data, follow=True)
    assert response.status_code == 400
    assert ConsultationRequest.objects.count() == 0


@pytest.mark.parametrize(
    "language, calm",
    [("ar", "لم يُرسَل طلبك بعد."), ("en", "Your request has not been sent yet.")],
)
def test_a_form_sent_at_once_comes_back_filled_in_and_the_second_send_is_stored(
    client, consultation_data, settings, language, calm
):
    """Review D16: autofill sends the form within a second or two of opening it."""
    settings.CONSULTATION_MIN_FILL_SECONDS = 2
    consultation_data["token"] = ready_token(seconds_ago=0)
    response = client.post(url("consultation", language), consultation_data, follow=True)
    page = page_of(response)
    assert response.status_code == 200  # not an error: nothing the visitor did was wrong
    assert calm in page and 'class="inset-text confirm-send" role="status"' in page
    assert "very quick" not in page and "error-summary" not in page
    assert ConsultationRequest.objects.count() == 0
    assert 'value="ليلى أحمد"' in page  # what was typed is kept
    # Sent again at once from the form shown: stored.
    again = consultation_data | {"token": re.search(r'name="token" value="([^"]+)"', page)[1]}
    sent = client.post(url("consultation", language), again)
    assert sent["Location"] == url("consultation_sent", language)
    assert ConsultationRequest.objects.get().name == "ليلى أحمد"


@pytest.mark.parametrize("token", ["", "forged", ready_token(seconds_ago=3 * 24 * 3600)])
def test_a_missing_forged_or_expired_token_is_refused(client, consultation_data, token):
    consultation_data["token"] = token
    response = client.post(url("consultation", "en"), consultation_data, follow=True)
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
    response = client.post(url("consultation", "en"), consultation_data, follow=True)
    assert response.status_code == 400
    radio = "_0" if field in ("preferred_language", "preferred_time") else ""
    assert f'href="#id_{field}{radio}"' in page_of(response)
    assert ConsultationRequest.objects.count() == 0


def new_visitor():
    """Another browser on the same address (127.0.0.1): its own screener state."""
    from django.test import Client

    return Client()


def test_requests_are_rate_limited_per_client(client, consultation_data, settings):
    settings.CONSULTATION_RATE_LIMIT = "2/h"  # per address: two browsers behind one address
    for _ in range(2):
        consultation_data["token"] = ready_token()
        assert new_visitor().post(url("consultation", "en"), consultation_data).status_code == 302
    consultation_data["token"] = ready_token()
    response = client.post(url("consultation", "en"), consultation_data, follow=True)
    assert response.status_code == 429
    assert 'value="ليلى أحمد"' in page_of(response)
    assert ConsultationRequest.objects.count() == 2


def test_purge_deletes_only_requests_older_than_the_retention_period(client, consultation_data):
    client.post(url("consultation", "en"), consultation_data)
    old = ConsultationRequest.objects.get()
    old.created_at = timezone.now() - timedelta(days=200)
    old.save()
    consultation_data["token"] = ready_token()
    new_visitor().post(url("consultation", "en"), consultation_data)
    call_command("purge_consultations", verbosity=0)
    assert list(ConsultationRequest.objects.all()) == [
        ConsultationRequest.objects.exclude(pk=old.pk).get()
    ]
    call_command("purge_consultations", days=1, verbosity=0)
    assert ConsultationRequest.objects.count() == 1


def test_refused_posts_do_not_use_up_the_rate_limit(client, consultation_data, settings):
    settings.CONSULTATION_RATE_LIMIT = "5/h"
    for _ in range(5):
        bad = consultation_data | {"phone": "typo", "token": ready_token()}
        assert client.post(url("consultation", "en"), bad, follow=True).status_code == 400
    too_quick = consultation_data | {"token": ready_token(seconds_ago=0)}
    asked = client.post(url("consultation", "en"), too_quick, follow=True)  # "send again"
    assert "Your request has not been sent yet." in page_of(asked)
    assert ConsultationRequest.objects.count() == 0
    response = client.post(url("consultation", "en"), consultation_data)
    assert response.status_code == 302
    assert ConsultationRequest.objects.count() == 1


def test_a_double_submit_does_not_use_up_the_rate_limit(client, consultation_data, settings):
    settings.CONSULTATION_RATE_LIMIT = "2/h"
    for _ in range(3):  # the same form, sent three times
        assert client.post(url("consultation", "en"), consultation_data).status_code == 302
    consultation_data["token"] = ready_token()
    assert new_visitor().post(url("consultation", "en"), consultation_data).status_code == 302
    assert ConsultationRequest.objects.count() == 2


def test_a_request_names_no_one(consultation_data):
    row = ConsultationRequest.objects.create(
        name="Layla Ahmad", phone="+966501234567", preferred_language="ar", submission_token="n1"
    )
    from django.utils import translation

    with translation.override("en"):
        assert str(row) == f"Consultation request #{row.pk}"
    with translation.override("ar"):
        assert "Layla" not in str(row) and str(row.pk) in str(row)


def test_purge_also_deletes_the_admin_history_of_purged_requests(client, consultation_data):
    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType

    client.post(url("consultation", "en"), consultation_data)
    consultation_data["token"] = ready_token()
    new_visitor().post(url("consultation", "en"), consultation_data)
    old, recent = ConsultationRequest.objects.order_by("pk")
    ConsultationRequest.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=200)
    )
    user = get_user_model().objects.create_user("staff", is_staff=True)
    content_type = ContentType.objects.get_for_model(ConsultationRequest)
    for row in (old, recent):
        LogEntry.objects.log_actions(user.pk, [row], CHANGE, change_message="handled")
    assert not LogEntry.objects.filter(object_repr__contains="ليلى").exists()
    call_command("purge_consultations", verbosity=0)
    entries = LogEntry.objects.filter(content_type=content_type)
    assert list(entries.values_list("object_id", flat=True)) == [str(recent.pk)]


@pytest.mark.parametrize("days", [10**6, 10**10])
def test_purge_refuses_an_impossible_number_of_days(days):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--days"):
        call_command("purge_consultations", days=days, verbosity=0)


@pytest.mark.parametrize(
    ("language", "field", "value", "message"),
    [
        ("en", "name", "x" * 101, "Your name must be 100 characters or fewer."),
        ("en", "phone", "1" * 33, "The phone number must be 32 characters or fewer."),
        (
            "en",
            "email",
            "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 63 + ".com",
            "The email address must be 254 characters or fewer.",
        ),
        ("en", "message", "y" * 1001, "The message must be 1000 characters or fewer."),
        ("ar", "name", "x" * 101, "يجب ألا يزيد اسمك على 100 حرف."),
        ("ar", "message", "y" * 1001, "يجب ألا تزيد الرسالة على 1000 حرف."),
    ],
)
def test_an_overlong_field_is_named_in_its_message(
    client, consultation_data, language, field, value, message
):
    consultation_data[field] = value
    response = client.post(url("consultation", language), consultation_data, follow=True)
    assert response.status_code == 400
    page = page_of(response)
    assert message in page
    assert "Ensure this value" not in page
    assert ConsultationRequest.objects.count() == 0


def test_line_breaks_count_once_as_the_browser_counts_them(client, consultation_data):
    consultation_data["message"] = "abcd\r\n" * 200  # 1000 characters in the browser
    response = client.post(url("consultation", "en"), consultation_data)
    assert response.status_code == 302
    assert ConsultationRequest.objects.get().message == ("abcd\n" * 200).strip()


@pytest.mark.parametrize("field", ["name", "message"])
def test_a_nul_character_is_refused(client, consultation_data, field):
    consultation_data[field] = "ليلى\x00أحمد"
    response = client.post(url("consultation", "en"), consultation_data, follow=True)
    assert response.status_code == 400
    assert f'href="#id_{field}"' in page_of(response)
    assert ConsultationRequest.objects.count() == 0


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+0966501234567", None),
        ("0000966501234567", None),
        ("+ 0 44 20 7946 0958", None),
        ("０５０１２３４５６７", "+966501234567"),  # full-width digits
        ("＋９６６５０１２３４５６７", "+966501234567"),
        ("+٩٦٦٥٠١٢٣٤٥٦٧", "+966501234567"),  # Arabic-Indic
        ("۰۵۰۱۲۳۴۵۶۷", "+966501234567"),  # Persian
        ("०५०१२३४५६७", "+966501234567"),  # Devanagari
        ("+966 ²50123", None),  # a superscript is not a decimal digit
    ],
)
def test_phone_normalisation_reads_every_decimal_digit(raw, expected):
    assert normalise_phone(raw) == expected


def test_the_sent_page_shows_only_after_sending(client, consultation_data):
    response = client.get(url("consultation_sent", "en"))
    assert response.status_code == 302
    assert response["Location"] == url("consultation", "en")

    response = client.post(url("consultation", "en"), consultation_data, follow=True)
    assert response.redirect_chain[-1][0] == url("consultation_sent", "en")
    assert "Your request has been sent" in page_of(response)
    reference = ConsultationRequest.objects.get().reference
    assert len(reference) == 8 and reference in page_of(response)

    again = client.get(url("consultation_sent", "en"))  # a reload: a GET, shown again
    assert again.status_code == 200 and reference in page_of(again)


def test_a_double_submit_still_shows_the_sent_page(client, consultation_data):
    client.post(url("consultation", "ar"), consultation_data, follow=True)
    response = client.post(url("consultation", "ar"), consultation_data, follow=True)
    assert response.redirect_chain[-1][0] == url("consultation_sent", "ar")
    assert "أُرسل طلبك" in page_of(response)


def test_a_double_submit_at_the_limit_still_shows_the_sent_page(
    client, consultation_data, settings
):
    settings.CONSULTATION_RATE_LIMIT = "1/h"
    first = client.post(url("consultation", "en"), consultation_data)
    again = client.post(url("consultation", "en"), consultation_data)  # its copy, sent twice
    assert first.status_code == again.status_code == 302
    assert again["Location"] == url("consultation_sent", "en")
    assert ConsultationRequest.objects.count() == 1


def test_requests_sent_at_the_same_time_cannot_all_pass_the_limit(
    client, consultation_data, settings, monkeypatch
):
    """A second request arrives while the first is being saved: it must not slip through."""
    from django.test import Client

    settings.CONSULTATION_RATE_LIMIT = "1/h"
    save, meanwhile = ConsultationRequest.save, []

    def save_while_another_arrives(row, *args, **kwargs):
        if row.name != "Another":
            other = consultation_data | {"name": "Another", "token": ready_token()}
            meanwhile.append(Client().post(url("consultation", "en"), other, follow=True))
        return save(row, *args, **kwargs)

    monkeypatch.setattr(ConsultationRequest, "save", save_while_another_arrives)
    assert client.post(url("consultation", "en"), consultation_data).status_code == 302
    assert meanwhile[0].status_code == 429
    assert 'value="Another"' in page_of(meanwhile[0])  # the form is refilled
    assert ConsultationRequest.objects.count() == 1


ALREADY_SENT = {
    "en": "You have already sent a request.",
    "ar": "لقد أرسلت طلبك من قبل.",
}


@pytest.mark.parametrize("language", ["ar", "en"])
def test_back_after_sending_says_already_sent_and_a_second_send_stores_nothing(
    client, consultation_data, language
):
    response = client.post(url("consultation", language), consultation_data, follow=True)
    assert response.redirect_chain[-1][0] == url("consultation_sent", language)
    assert ALREADY_SENT[language] not in page_of(response)

    back = client.get(url("consultation", language))  # Back to the form after sending
    assert ALREADY_SENT[language] in page_of(back)
    assert 'name="name"' not in page_of(back)  # no form to send twice
    consultation_data["token"] = ready_token()  # even a fresh copy of the form
    again = client.post(url("consultation", language), consultation_data, follow=True)
    assert again.redirect_chain[-1][0] == url("consultation_sent", language)
    assert ConsultationRequest.objects.count() == 1


def test_the_sent_page_opened_without_sending_says_nothing_was_sent(client):
    response = client.get(url("consultation_sent", "en"), follow=True)
    assert response.redirect_chain == [(url("consultation", "en"), 302)]
    assert ALREADY_SENT["en"] not in page_of(response)


@pytest.mark.parametrize(
    ("start", "other", "label"), [("ar", "en", "English"), ("en", "ar", "العربيّة")]
)
def test_switching_language_keeps_what_was_typed(client, consultation_data, start, other, label):
    """J2-9: the header's language switch on the form is a button that sends the form; it
    comes back, unchecked and without errors, in the other language. Nothing typed goes
    into an address, nothing is stored or sent."""
    page = page_of(client.get(url("consultation", start)))
    assert re.search(
        rf'<button type="submit" class="nav-link" form="consultation-form" name="switch_language"'
        rf' value="{other}"[^>]*>{label}</button>',
        page,
    )
    assert 'id="consultation-form"' in page
    typed = consultation_data | {
        "preferred_language": start,
        "message": "أفضل الاتصال بعد العصر",
        "consent_to_contact": "",
        "switch_language": other,
    }
    response = client.post(url("consultation", start), typed)
    assert response.status_code == 302 and response["Location"] == url("consultation", other)
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == other
    assert not ConsultationRequest.objects.exists()
    response = client.get(response["Location"])
    assert response.status_code == 200
    page = page_of(response)
    assert f'<html lang="{other}"' in page
    assert 'value="ليلى أحمد"' in page and 'value="+٩٦٦ ٥٠-١٢٣ ٤٥٦٧"' in page
    assert "أفضل الاتصال بعد العصر</textarea>" in page
    assert re.search(rf'value="{other}"[^>]*checked', page)  # the page's language, unchanged
    assert "error-summary" not in page and 'aria-invalid="true"' not in page
    # Shown once: opening the form again starts empty.
    assert 'value="ليلى أحمد"' not in page_of(client.get(url("consultation", other)))


def test_after_switching_language_the_kept_form_can_be_sent(client, consultation_data):
    client.post(url("consultation", "ar"), consultation_data | {"switch_language": "en"})
    client.get(url("consultation", "en"))
    response = client.post(url("consultation", "en"), consultation_data)
    assert response["Location"] == url("consultation_sent", "en")
    assert ConsultationRequest.objects.get().name == "ليلى أحمد"


def test_an_unknown_language_switch_stores_nothing(client, consultation_data):
    response = client.post(url("consultation", "ar"), consultation_data | {"switch_language": "xx"})
    assert response["Location"] == url("consultation", "ar")
    assert not ConsultationRequest.objects.exists()
