"""Staff sessions live on the server: signing out or changing the password ends them, and a
copied session cookie is worthless afterwards."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password-42"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        username="doctor", password=PASSWORD, is_staff=True, is_superuser=True
    )


def signed_in_client(username="doctor", password=PASSWORD):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    response = client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def copy_of(client):
    thief = Client(HTTP_ACCEPT_LANGUAGE="en")
    thief.cookies[settings.SESSION_COOKIE_NAME] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return thief


def sees_the_admin(client):
    response = client.get(reverse("admin:index"))
    if response.status_code == 302:
        assert reverse("admin:login") in response["Location"]
        return False
    assert response.status_code == 200
    return True


def test_the_session_is_a_database_row_named_by_the_cookie(staff):
    client = signed_in_client()
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert Session.objects.filter(session_key=key).exists()
    assert sees_the_admin(copy_of(client))


def test_a_copied_cookie_stops_working_when_its_owner_signs_out(staff):
    client = signed_in_client()
    thief = copy_of(client)
    assert sees_the_admin(thief)
    assert client.post(reverse("admin:logout")).status_code == 200
    assert not sees_the_admin(thief)
    assert not Session.objects.exists()


def test_changing_the_password_ends_every_other_session(staff):
    office, laptop = signed_in_client(), signed_in_client()
    stolen = copy_of(office)
    response = office.post(
        reverse("admin:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "a-brand-new-long-password-77",
            "new_password2": "a-brand-new-long-password-77",
        },
    )
    assert response.status_code == 302
    assert sees_the_admin(office)  # the one who changed it stays signed in
    assert not sees_the_admin(laptop)
    assert not sees_the_admin(stolen)  # the old cookie of the same browser too


def test_a_visitor_reading_pages_gets_no_session(client, article):
    assert client.get(reverse("content:home")).status_code == 200
    assert client.get(article.get_absolute_url()).status_code == 200
    assert settings.SESSION_COOKIE_NAME not in client.cookies
    assert not Session.objects.exists()
