"""The admin: sign-in is throttled, its address can move, and each group sees only its part."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from .production import manage, production_env

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password-42"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Every sign-in hashes a password; the slow production hasher adds nothing here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user(
        username="doctor", password=PASSWORD, is_staff=True, is_superuser=True
    )
    return user


def sign_in(client, password, username="doctor", language="en"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        HTTP_ACCEPT_LANGUAGE=language,
        REMOTE_ADDR="203.0.113.7",
    )


def test_five_wrong_passwords_pause_signing_in(client, staff, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(4):
        response = sign_in(client, "wrong password")
        assert response.status_code == 200  # the login form again, with its error
    locked = sign_in(client, "wrong password")
    assert locked.status_code == 429
    assert "Signing in is paused" in locked.content.decode()
    assert "15 minutes" in locked.content.decode()
    # Even the right password is refused until the pause is over.
    again = sign_in(client, PASSWORD)
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_page_speaks_arabic(client, staff):
    for _ in range(5):
        response = sign_in(client, "wrong password", language="ar")
    assert response.status_code == 429
    html = response.content.decode()
    assert "تسجيل الدخول متوقف مؤقتًا" in html
    assert 'lang="ar"' in html


def test_lockout_is_per_user_name_and_address(client, staff, django_user_model):
    django_user_model.objects.create_user(username="nurse", password=PASSWORD, is_staff=True)
    for _ in range(5):
        sign_in(client, "wrong password")
    assert sign_in(client, PASSWORD).status_code == 429
    response = sign_in(client, PASSWORD, username="nurse")
    assert response.status_code == 302  # another user from the same address signs in


def test_a_right_password_before_the_limit_resets_the_count(client, staff):
    for _ in range(4):
        sign_in(client, "wrong password")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, "wrong password").status_code == 200
    assert sign_in(client, PASSWORD).status_code == 302


def test_the_admin_address_comes_from_the_environment(tmp_path):
    env = production_env(tmp_path / "db.sqlite3", ADMIN_URL="/clinic-staff/")
    code = "from django.urls import reverse; print(reverse('admin:index'))"
    result = manage(env, "shell", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "/clinic-staff/"


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.parametrize("model", ["article", "category", "reviewer", "source"])
def test_content_editors_manage_the_content(editor_client, model):
    assert editor_client.get(reverse(f"admin:content_{model}_changelist")).status_code == 200
    assert editor_client.get(reverse(f"admin:content_{model}_add")).status_code == 200


def test_content_editors_see_an_articles_history(editor_client, article):
    url = reverse("admin:content_article_history", args=[article.pk])
    assert editor_client.get(url).status_code == 200


@pytest.mark.parametrize(
    "name",
    [
        "admin:screener_consultationrequest_changelist",
        "admin:auth_user_changelist",
        "admin:auth_group_changelist",
        "admin:axes_accessattempt_changelist",
    ],
)
def test_content_editors_see_nothing_else(editor_client, name):
    assert editor_client.get(reverse(name)).status_code == 403


def test_admin_index_lists_only_what_each_group_may_use(client, editor, django_user_model):
    client.force_login(editor)
    html = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert reverse("admin:content_article_changelist") in html
    assert reverse("admin:screener_consultationrequest_changelist") not in html
    assert reverse("admin:auth_user_changelist") not in html

    reception = django_user_model.objects.create_user(
        username="reception", password=PASSWORD, is_staff=True
    )
    reception.groups.add(Group.objects.get(name="Reception"))
    client.force_login(reception)
    html = client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:screener_consultationrequest_changelist") in html
    assert reverse("admin:content_article_changelist") not in html
    assert reverse("admin:auth_user_changelist") not in html


def test_a_very_long_user_name_is_recorded_cut_to_size(client):
    from axes.models import AccessAttempt

    response = sign_in(client, "wrong password", username="x" * 5000)
    assert response.status_code == 200
    assert AccessAttempt.objects.get().username == "x" * 150
