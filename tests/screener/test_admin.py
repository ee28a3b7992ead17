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
    response = client.post(change_url, {"handled": "on", "name": "Changed"})
    assert response.status_code == 302
    request_row.refresh_from_db()
    assert request_row.handled and request_row.handled_at is not None
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
