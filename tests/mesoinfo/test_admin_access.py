"""The admin: sign-in is throttled, its address can move, and each group sees only its part."""

import importlib

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.production import manage, production_env

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password-42"


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
    assert settings.AXES_USERNAME_FAILURE_LIMIT == 5
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


def test_an_address_trying_many_user_names_is_paused_too(client, staff, settings):
    assert settings.AXES_ADDRESS_FAILURE_LIMIT == 20
    for n in range(20):
        response = sign_in(client, "wrong password", username=f"guess{n}")
        assert response.status_code == (200 if n < 19 else 429), n
    # No name reached its own limit, but the address did: even the right password waits.
    locked = sign_in(client, PASSWORD)
    assert locked.status_code == 429
    assert "from your network" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Another address is not held back.
    other = client.post(
        reverse("admin:login"),
        {"username": "doctor", "password": PASSWORD, "next": reverse("admin:index")},
        REMOTE_ADDR="198.51.100.20",
    )
    assert other.status_code == 302


def test_the_address_pause_speaks_arabic(client, staff):
    for n in range(20):
        response = sign_in(client, "wrong password", username=f"guess{n}", language="ar")
    assert response.status_code == 429
    assert "من شبكتك" in response.content.decode()


def test_a_right_password_before_the_limit_resets_the_count(client, staff):
    for _ in range(4):
        sign_in(client, "wrong password")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, "wrong password").status_code == 200
    assert sign_in(client, PASSWORD).status_code == 302


def test_another_users_sign_in_keeps_the_failures_and_24_guesses_end_in_a_lockout(
    client, staff, django_user_model
):
    """The red team's receptionist: four guesses at the superuser's password, then their own
    sign-in, six times over, from one address."""
    from axes.models import AccessFailureLog

    django_user_model.objects.create_user(username="reception", password=PASSWORD, is_staff=True)
    statuses = []
    for _round in range(6):
        statuses += [sign_in(client, "guess").status_code for _ in range(4)]
        statuses.append(sign_in(client, PASSWORD, username="reception").status_code)
        client.logout()
    guesses = [status for n, status in enumerate(statuses) if n % 5 != 4]
    assert len(guesses) == 24
    assert 429 in guesses
    # Paused at the fifth guess at the one name, in the second round.
    assert guesses.index(429) == 4
    assert AccessFailureLog.objects.filter(username="doctor").count() == 24  # every guess
    assert sign_in(client, PASSWORD).status_code == 429  # the superuser too, from there


def test_a_right_password_clears_only_that_names_failures(client, staff, django_user_model):
    from axes.models import AccessAttempt

    django_user_model.objects.create_user(username="reception", password=PASSWORD, is_staff=True)
    for _ in range(3):
        sign_in(client, "wrong", username="reception")
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD, username="reception").status_code == 302
    left = AccessAttempt.objects.values_list("username", "failures_since_start")
    assert list(left) == [("doctor", 3)]


def test_the_admin_address_comes_from_the_environment(tmp_path):
    env = production_env(tmp_path / "db.sqlite3", ADMIN_URL="/clinic-staff/")
    code = "from django.urls import reverse; print(reverse('admin:index'))"
    result = manage(env, "shell", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "/clinic-staff/"


def expected_group_rights():
    """{group: {"app.codename"}}, read from the migrations that create the groups."""
    editors = importlib.import_module("content.migrations.0002_content_editors_group")
    more = importlib.import_module("content.migrations.0003_search_pages_feedback")
    reception = importlib.import_module("screener.migrations.0002_reception_group")
    authors = importlib.import_module("content.migrations.0007_authors_and_dates")
    editor_rights = {
        f"content.{action}_{model}"
        for model in editors.MODELS
        for action in ("add", "change", "delete", "view")
    }
    editor_rights |= {f"content.{codename}" for codename in more.EDITOR_PERMISSIONS}
    editor_rights |= {f"content.{codename}" for codename in authors.EDITOR_PERMISSIONS}
    assert editors.GROUP == more.EDITORS
    workflow = importlib.import_module("content.migrations.0012_medical_reviewers_group")
    assert workflow.EDITORS == editors.GROUP
    editor_rights -= {f"content.{codename}" for codename in workflow.EDITOR_LOSES}
    rights = {
        editors.GROUP: editor_rights,
        workflow.REVIEWERS: {f"content.{codename}" for codename in workflow.REVIEWER_PERMISSIONS},
        reception.GROUP: {f"screener.{codename}" for codename in reception.CODENAMES},
    }
    images = importlib.import_module("images.migrations.0002_editors_and_reviewers_use_images")
    for group, codenames in images.RIGHTS.items():
        rights[group] |= {f"images.{codename}" for codename in codenames}
    return rights


def test_each_group_has_exactly_the_rights_its_migration_gives():
    for name, rights in expected_group_rights().items():
        granted = Group.objects.get(name=name).permissions.values_list(
            "content_type__app_label", "codename"
        )
        assert {f"{app}.{codename}" for app, codename in granted} == rights, name


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reception_client(client, django_user_model):
    user = django_user_model.objects.create_user(
        username="reception", password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Reception"))
    client.force_login(user)
    return client


@pytest.fixture
def feedback(article):
    from content.models import Feedback

    return Feedback.objects.create(article=article, language="ar", helpful=True, comment="مفيد")


@pytest.fixture
def consultation(db):
    from screener.models import ConsultationRequest

    return ConsultationRequest.objects.create(
        name="Layla",
        phone="+966501234567",
        preferred_language="ar",
        consent_to_contact=True,
        submission_token="admin-access-test",
    )


def status(client, name, *args):
    return client.get(reverse(name, args=args), HTTP_ACCEPT_LANGUAGE="en").status_code


@pytest.mark.parametrize("model", ["article", "category", "author", "source", "page"])
def test_content_editors_manage_the_content(editor_client, model):
    assert status(editor_client, f"admin:content_{model}_changelist") == 200
    assert status(editor_client, f"admin:content_{model}_add") == 200


def test_content_editors_see_but_do_not_change_reviewer_records(editor_client):
    # A doctor's name on a page is that doctor's doing: Medical reviewers keep the records.
    assert status(editor_client, "admin:content_reviewer_changelist") == 200
    assert status(editor_client, "admin:content_reviewer_add") == 403


def test_content_editors_edit_pages_but_only_reviewers_delete_them(editor_client, about_page):
    # Issue 26: what patients read changes only with a medical reviewer's sign-off; an
    # editor's change waits for it (tests/editorial/test_signoff.py), a deletion is theirs.
    assert status(editor_client, "admin:content_page_change", about_page.pk) == 200
    assert status(editor_client, "admin:content_page_delete", about_page.pk) == 403
    response = editor_client.post(
        reverse("admin:content_page_delete", args=[about_page.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert type(about_page).objects.filter(pk=about_page.pk).exists()


def test_content_editors_read_and_delete_feedback_but_never_write_it(editor_client, feedback):
    assert status(editor_client, "admin:content_feedback_changelist") == 200
    assert status(editor_client, "admin:content_feedback_change", feedback.pk) == 200
    assert status(editor_client, "admin:content_feedback_add") == 403
    url = reverse("admin:content_feedback_change", args=[feedback.pk])
    editor_client.post(url, {"helpful": "no", "comment": "changed", "language": "en"})
    feedback.refresh_from_db()
    assert (feedback.helpful, feedback.comment, feedback.language) == (True, "مفيد", "ar")
    assert status(editor_client, "admin:content_feedback_delete", feedback.pk) == 200
    response = editor_client.post(
        reverse("admin:content_feedback_delete", args=[feedback.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not type(feedback).objects.filter(pk=feedback.pk).exists()


def test_content_editors_see_the_articles_due_for_review(editor_client, article):
    assert status(editor_client, "admin:content_articledueforreview_changelist") == 200
    assert status(editor_client, "admin:content_articledueforreview_add") == 403


def test_content_editors_see_an_articles_history(editor_client, article):
    assert status(editor_client, "admin:content_article_history", article.pk) == 200


FOR_ADMINISTRATORS = [
    "admin:auth_user_changelist",
    "admin:auth_user_add",
    "admin:auth_group_changelist",
    "admin:axes_accessattempt_changelist",
    "admin:clinic_clinicprofile_changelist",
    "admin:clinic_clinicprofile_add",
]


@pytest.mark.parametrize(
    "name", ["admin:screener_consultationrequest_changelist", *FOR_ADMINISTRATORS]
)
def test_content_editors_see_nothing_else(editor_client, name):
    assert status(editor_client, name) == 403


def test_content_editors_never_open_a_consultation_request(editor_client, consultation):
    url = "admin:screener_consultationrequest_change"
    assert status(editor_client, url, consultation.pk) == 403


def test_reception_sees_and_handles_consultation_requests(reception_client, consultation):
    assert status(reception_client, "admin:screener_consultationrequest_changelist") == 200
    assert (
        status(reception_client, "admin:screener_consultationrequest_change", consultation.pk)
        == 200
    )
    assert status(reception_client, "admin:screener_consultationrequest_add") == 403
    url = "admin:screener_consultationrequest_delete"
    assert status(reception_client, url, consultation.pk) == 403


CONTENT_MODELS = [
    "article",
    "category",
    "reviewer",
    "author",
    "source",
    "page",
    "feedback",
    "articledueforreview",
]


@pytest.mark.parametrize(
    "name",
    [f"admin:content_{model}_changelist" for model in CONTENT_MODELS]
    + [f"admin:content_{model}_add" for model in CONTENT_MODELS if model != "articledueforreview"]
    + FOR_ADMINISTRATORS,
)
def test_reception_sees_no_content_and_no_users(reception_client, name):
    assert status(reception_client, name) == 403


def test_reception_cannot_open_an_article_page_or_feedback(
    reception_client, article, about_page, feedback
):
    assert status(reception_client, "admin:content_article_change", article.pk) == 403
    assert status(reception_client, "admin:content_article_history", article.pk) == 403
    assert status(reception_client, "admin:content_page_change", about_page.pk) == 403
    assert status(reception_client, "admin:content_feedback_change", feedback.pk) == 403


def test_admin_index_lists_only_what_each_group_may_use(client, editor, django_user_model):
    client.force_login(editor)
    html = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for model in CONTENT_MODELS:
        assert reverse(f"admin:content_{model}_changelist") in html, model
    assert reverse("admin:screener_consultationrequest_changelist") not in html
    assert reverse("admin:auth_user_changelist") not in html

    reception = django_user_model.objects.create_user(
        username="reception", password=PASSWORD, is_staff=True
    )
    reception.groups.add(Group.objects.get(name="Reception"))
    client.force_login(reception)
    html = client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:screener_consultationrequest_changelist") in html
    for model in CONTENT_MODELS:
        assert reverse(f"admin:content_{model}_changelist") not in html, model
    assert reverse("admin:auth_user_changelist") not in html
    assert reverse("admin:auth_group_changelist") not in html


def test_a_very_long_user_name_is_recorded_cut_to_size(client):
    from axes.models import AccessAttempt

    response = sign_in(client, "wrong password", username="x" * 5000)
    assert response.status_code == 200
    assert AccessAttempt.objects.get().username == "x" * 150
