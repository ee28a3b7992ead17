"""Reception's workflow in the admin, and the e-mail that tells it a request arrived."""

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from screener.models import ConsultationRequest
from screener.questions import YES

from .helpers import answer_all, url

pytestmark = pytest.mark.django_db
LIST = "admin:screener_consultationrequest_changelist"


@pytest.fixture
def receptionist(django_user_model):
    user = django_user_model.objects.create_user(
        username="reception", email="desk@clinic.example", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Reception"))
    return user


def make_request(name="ليلى أحمد", phone="+966501234567", **fields):
    return ConsultationRequest.objects.create(
        name=name,
        phone=phone,
        preferred_language="ar",
        submission_token=f"t-{name}-{ConsultationRequest.objects.count()}",
        reference=f"REF{ConsultationRequest.objects.count():05d}",
        **fields,
    )


def test_a_new_request_sends_reception_one_email_without_health_answers(
    client, receptionist, consultation_data, django_capture_on_commit_callbacks
):
    answer_all(client, {"pregnancy": YES}, "en")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("consultation", "en"), consultation_data | {"attach_outcome": "on"})
    row = ConsultationRequest.objects.get()
    assert row.screener_outcome == "avoid"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["desk@clinic.example"]
    text = message.subject + message.body
    assert row.reference in text
    assert "مرفقة: نعم" in text or "attached: yes" in text
    for private in ("ليلى", "501234567", "pregnan", "الحمل", "avoid", "يُتجنَّب"):
        assert private not in text, private
    assert reverse("admin:screener_consultationrequest_change", args=[row.pk]) in text


def test_reception_emails_setting_wins(
    consultation_data, settings, django_capture_on_commit_callbacks
):
    settings.RECEPTION_EMAILS = ["front@clinic.example"]
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(url("consultation", "en"), consultation_data)
    assert [m.to for m in mail.outbox] == [["front@clinic.example"]]
    assert "attached: no" in mail.outbox[0].body or "مرفقة: لا" in mail.outbox[0].body


def test_status_changes_and_bulk_actions_are_in_the_admin_log(client, receptionist):
    first, second = make_request(), make_request(name="Sam", phone="+447700900123")
    client.force_login(receptionist)
    change = reverse("admin:screener_consultationrequest_change", args=[first.pk])
    client.post(change, {"status": "tried_to_call", "notes": "No answer at 10:00"})
    first.refresh_from_db()
    assert first.status == "tried_to_call" and first.notes == "No answer at 10:00"
    assert first.handled_by == receptionist and first.handled_at is not None

    response = client.post(
        reverse(LIST),
        {"action": "mark_booked", "_selected_action": [first.pk, second.pk]},
    )
    assert response.status_code == 302
    assert set(ConsultationRequest.objects.values_list("status", flat=True)) == {"booked"}
    entries = LogEntry.objects.filter(user=receptionist).order_by("pk")
    assert sorted(int(e.object_id) for e in entries) == [first.pk, first.pk, second.pk]
    assert all("Sam" not in e.object_repr and "ليلى" not in e.object_repr for e in entries)


def test_new_requests_are_counted_by_status(client):
    make_request()
    make_request(name="Sam", status=ConsultationRequest.Status.CLOSED)
    assert ConsultationRequest.objects.filter(status="new").count() == 1
    assert ConsultationRequest.Status.NEW == "new"


@pytest.mark.parametrize("term", ["0501234567", "+966 50 123 4567", "٠٥٠١٢٣٤٥٦٧", "٤٥٦٧"])
def test_the_admin_finds_a_phone_number_in_any_spelling(client, receptionist, term):
    make_request()
    make_request(name="Sam", phone="+447700900123")
    client.force_login(receptionist)
    page = client.get(reverse(LIST), {"q": term}).content.decode()
    assert '<a href="tel:+966501234567" dir="ltr">+966501234567</a>' in page
    assert "+447700900123" not in page


def test_likely_duplicates_are_flagged(client, receptionist):
    old = make_request()
    ConsultationRequest.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=3)
    )
    make_request(name="Layla")
    make_request(name="Layla again")
    make_request(name="Sam", phone="+447700900123")
    client.force_login(receptionist)
    response = client.get(reverse(LIST))
    flags = {row.name: row.has_duplicate for row in response.context["cl"].result_list}
    assert flags == {"Layla": True, "Layla again": True, "Sam": False, "ليلى أحمد": False}


def test_the_csv_export_keeps_arabic_for_spreadsheets(client, receptionist):
    row = make_request(message='=HYPERLINK("http://x")')
    client.force_login(receptionist)
    response = client.post(reverse(LIST), {"action": "export_csv", "_selected_action": [row.pk]})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 2
    assert "ليلى أحمد" in rows[1] and "+966501234567" in rows[1]
    assert '\'=HYPERLINK("http://x")' in rows[1]  # never run as a formula


def test_times_in_the_admin_are_the_clinics(client, receptionist, settings):
    settings.TIME_ZONE = "Asia/Riyadh"
    row = make_request()
    ConsultationRequest.objects.filter(pk=row.pk).update(
        created_at=datetime(2026, 5, 1, 9, 30, tzinfo=UTC)
    )
    client.force_login(receptionist)
    page = client.get(reverse(LIST), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "12:30" in page


def test_the_reception_link_comes_from_site_url_not_the_visitors_host(
    consultation_data, settings, mailoutbox, django_capture_on_commit_callbacks
):
    from django.test import Client

    from .helpers import url

    settings.SITE_URL = "https://clinic.example"
    settings.RECEPTION_EMAILS = ["reception@clinic.example"]
    settings.ALLOWED_HOSTS = ["*"]
    visitor = Client(HTTP_HOST="evil.example")
    with django_capture_on_commit_callbacks(execute=True):
        response = visitor.post(url("consultation", "en"), consultation_data)
    assert response.status_code == 302
    (mail,) = mailoutbox
    assert "https://clinic.example/admin/screener/consultationrequest/" in mail.body
    assert "evil.example" not in mail.body


@pytest.mark.parametrize("code", ["ar", "en"])
def test_one_number_typed_three_ways_links_the_requests_together(client, receptionist, code):
    """Review D10: three requests from one phone, typed three ways, within two minutes."""
    from screener import phones

    rows = [
        make_request(name=name, phone=phones.to_e164(typed))
        for name, typed in (
            ("Sara Ahmed", "+966 50 123 4567"),
            ("سارة أحمد", "0501234567"),
            ("سارة", "٠٥٠١٢٣٤٥٦٧"),
        )
    ]
    make_request(name="Sam", phone="+447700900123")
    client.force_login(receptionist)
    listing = client.get(reverse(LIST), headers={"accept-language": code})
    flags = {row.name: row.has_duplicate for row in listing.context["cl"].result_list}
    assert flags == {"Sara Ahmed": True, "سارة أحمد": True, "سارة": True, "Sam": False}
    url = reverse("admin:screener_consultationrequest_change", args=[rows[0].pk])
    page = client.get(url, headers={"accept-language": code}).content.decode()
    assert {"ar": "طلبات مكررة على الأرجح", "en": "Likely duplicates"}[code] in page
    for other in rows[1:]:
        link = reverse("admin:screener_consultationrequest_change", args=[other.pk])
        assert f'<a href="{link}">' in page and other.reference in page
    sam = ConsultationRequest.objects.get(name="Sam")
    alone = client.get(
        reverse("admin:screener_consultationrequest_change", args=[sam.pk]),
        headers={"accept-language": code},
    ).content.decode()
    no_other = {"ar": "لا طلب آخر من هذا الرقم", "en": "No other request from this number"}
    assert no_other[code] in alone


def handled_by_cell(page, opening=""):
    """The text of the "handled by" cell (list) or field (request page)."""
    cell = page.split("field-handled_by_name")[1]
    return (cell.split(opening, 1)[1] if opening else cell).split("</")[0]


@pytest.mark.parametrize("code, heading", [("ar", "تابعه"), ("en", "Handled by")])
def test_handled_by_shows_the_staff_members_name_not_the_login(client, receptionist, code, heading):
    """Review D18: «تابعه» named the account `reception`, not the person."""
    receptionist.first_name, receptionist.last_name = "Huda", "Salem"
    receptionist.save()
    row = make_request(status="booked", handled_by=receptionist, handled_at=timezone.now())
    client.force_login(receptionist)
    listing = client.get(reverse(LIST), HTTP_ACCEPT_LANGUAGE=code).content.decode()
    assert heading in listing and "Huda Salem" in handled_by_cell(listing)
    page = client.get(
        reverse("admin:screener_consultationrequest_change", args=[row.pk]),
        HTTP_ACCEPT_LANGUAGE=code,
    ).content.decode()
    assert heading in page and "Huda Salem" in handled_by_cell(page, '<div class="readonly">')
    # Without a full name, the login name is all there is.
    receptionist.first_name = receptionist.last_name = ""
    receptionist.save()
    listing = client.get(reverse(LIST), HTTP_ACCEPT_LANGUAGE=code).content.decode()
    assert "reception" in handled_by_cell(listing)
