"""Reception sees consultation requests and marks them handled, and nothing else."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from screener.models import ConsultationRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def receptionist(django_user_model):
    user = django_user_model.objects.create_user(
        username="reception", password="a-long-test-password-42", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Reception"))
    return user


@pytest.fixture
def request_row():
    return ConsultationRequest.objects.create(
        name="Sam", phone="+447700900123", preferred_language="en", submission_token="t1"
    )


def test_reception_can_list_and_mark_requests_handled(client, receptionist, request_row):
    client.force_login(receptionist)
    listing = client.get(reverse("admin:screener_consultationrequest_changelist"))
    assert listing.status_code == 200
    assert "+447700900123" in listing.content.decode()

    change_url = reverse("admin:screener_consultationrequest_change", args=[request_row.pk])
    response = client.post(change_url, {"status": "closed", "notes": "", "name": "Changed"})
    assert response.status_code == 302
    request_row.refresh_from_db()
    assert request_row.status == "closed" and request_row.handled_at is not None
    assert request_row.handled_by == receptionist
    assert request_row.name == "Sam"  # everything a visitor sent stays as sent


def test_reception_cannot_touch_anything_else(client, receptionist, request_row):
    client.force_login(receptionist)
    for name in [
        "admin:content_article_changelist",
        "admin:content_category_changelist",
        "admin:auth_user_changelist",
        "admin:screener_consultationrequest_add",
    ]:
        assert client.get(reverse(name)).status_code == 403, name
    delete_url = reverse("admin:screener_consultationrequest_delete", args=[request_row.pk])
    assert client.get(delete_url).status_code == 403


def test_content_editors_cannot_see_requests(client, editor, request_row):
    client.force_login(editor)
    url = reverse("admin:screener_consultationrequest_changelist")
    assert client.get(url).status_code == 403


def test_reception_reads_the_attached_reasons_in_their_language(client, receptionist):
    row = ConsultationRequest.objects.create(
        name="Sam",
        phone="+447700900123",
        preferred_language="en",
        submission_token="t2",
        screener_outcome="avoid",
        screener_reasons={"yes": ["pregnancy", "stroke"], "not_sure": ["blood_thinners"]},
    )
    client.force_login(receptionist)
    change_url = reverse("admin:screener_consultationrequest_change", args=[row.pk])
    page = client.get(change_url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "الحمل أو الرضاعة" in page
    assert "إصابة سابقة بسكتة دماغية" in page
    assert "تناول أدوية مسيّلة للدم" in page
    assert '"yes"' not in page and "&quot;yes&quot;" not in page
    assert "blood_thinners" not in page

    page = client.get(change_url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Pregnancy or breastfeeding" in page and "A history of stroke" in page
    assert "Taking blood-thinning medicines" in page


def test_a_request_names_no_one_in_the_admin_history(client, receptionist, request_row):
    from django.contrib.admin.models import LogEntry

    client.force_login(receptionist)
    change_url = reverse("admin:screener_consultationrequest_change", args=[request_row.pk])
    client.post(change_url, {"status": "booked", "notes": ""})
    entry = LogEntry.objects.get()
    assert "Sam" not in entry.object_repr


def test_the_migration_forgets_names_already_in_the_admin_history(receptionist, request_row):
    import importlib

    from django.apps import apps
    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(ConsultationRequest)
    LogEntry.objects.create(
        user=receptionist,
        content_type=content_type,
        object_id=str(request_row.pk),
        object_repr="Request from Sam, 2026-01-01 10:00",
        action_flag=CHANGE,
    )
    other = LogEntry.objects.create(
        user=receptionist, object_repr="Sam's article", action_flag=CHANGE
    )
    migration = importlib.import_module("screener.migrations.0003_admin_history_without_names")
    migration.forget_names(apps, None)
    entry = LogEntry.objects.get(content_type=content_type)
    assert entry.object_repr == f"Consultation request #{request_row.pk}"
    other.refresh_from_db()
    assert other.object_repr == "Sam's article"
