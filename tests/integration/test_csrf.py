"""Every form that changes something refuses a POST without its CSRF token, and stores nothing.

The one exception, the anonymous "Was this page helpful?" form, carries no token (its
article is cached, the same for everyone): it refuses a POST that does not show, by its
Origin, Sec-Fetch-Site or Referer header, that it comes from this site.
"""

import re

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse
from django.utils import translation

from content.models import Feedback
from screener.models import ConsultationRequest
from tests.screener.helpers import ready_token

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password-42"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def consultation():
    return {
        "name": "ليلى أحمد",
        "phone": "+966501234567",
        "email": "layla@example.com",
        "preferred_language": "ar",
        "preferred_time": "morning",
        "consent_to_contact": "on",
        "website": "",
        "token": ready_token(),
    }


# Every POST endpoint, with what a browser would send to it (all but the CSRF token).
DATA = {
    "screener start": dict,
    "screener question": lambda: {"answer": "y"},
    "screener check": dict,
    "screener start again": dict,
    "consultation": consultation,
    "article feedback": lambda: {"helpful": "no", "comment": "Too short."},
    "admin login": lambda: {"username": "doctor", "password": PASSWORD, "next": "/admin/"},
}


def addresses(name, language, article):
    """(the page that shows the form, where the form posts)"""
    with translation.override(language):
        start = reverse("screener:start")
        return {
            "screener start": (start, start),
            "screener question": (start, reverse("screener:question", args=[1])),
            "screener check": (start, reverse("screener:check")),
            "screener start again": (start, reverse("screener:restart")),
            "consultation": (reverse("screener:consultation"),) * 2,
            "article feedback": (
                article.get_absolute_url(),
                reverse(
                    "content:feedback",
                    kwargs={"category": article.category.slug, "slug": article.slug},
                ),
            ),
            "admin login": (reverse("admin:login"),) * 2,
        }[name]


def row_counts():
    """Rows in every table the project's models have (history, sessions, axes included)."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


@pytest.fixture
def doctor(django_user_model):
    return django_user_model.objects.create_user(
        username="doctor", password=PASSWORD, is_staff=True, is_superuser=True
    )


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("with_cookie", [False, True], ids=["no cookie", "cookie but no token"])
@pytest.mark.parametrize("name", list(DATA))
def test_a_post_without_the_token_is_refused(name, with_cookie, language, article, doctor):
    client = Client(enforce_csrf_checks=True)
    page, action = addresses(name, language, article)
    if with_cookie:  # the visitor has the cookie (they opened the form), the post lacks the token
        assert client.get(page).status_code == 200
        # The feedback form's page is cached for everyone, so it sets no cookie.
        assert ("csrftoken" in client.cookies) is (name != "article feedback")
    before = row_counts()
    response = client.post(action, DATA[name]())
    assert response.status_code == 403
    assert row_counts() == before
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("name", ["consultation", "article feedback", "admin login"])
def test_the_same_post_with_its_token_goes_through(name, article, doctor):
    """The refusals above are the CSRF check's, not the form's: with the token, it works."""
    client = Client(enforce_csrf_checks=True)
    page, action = addresses(name, "en", article)
    if name == "article feedback":  # from the site's own page, as its Origin header says
        client = Client(enforce_csrf_checks=True, headers={"Origin": "http://testserver"})
        assert "csrfmiddlewaretoken" not in client.get(page).content.decode()
        response = client.post(action, DATA[name]())
    else:
        token = TOKEN.search(client.get(page).content.decode()).group(1)
        response = client.post(action, DATA[name]() | {"csrfmiddlewaretoken": token})
    assert response.status_code == 302, response.content.decode()[:2000]
    if name == "consultation":
        assert ConsultationRequest.objects.count() == 1
    elif name == "article feedback":
        assert Feedback.objects.count() == 1
    else:
        assert client.session["_auth_user_id"] == str(doctor.pk)
