"""An Arabic staff member finds no English interface text on any admin page they reach."""

import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from django.utils.html import strip_tags

from content.models import Feedback
from screener.models import ConsultationRequest

from .crawl import crawl, english_in

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password-42"

# Content, not interface: the fixtures' English values and the user names.
CONTENT = [
    "Mesotherapy: a review",
    "Journal of Testing",
    "Dr Salma Haddad",
    "Dermatologist",
    "Basics",
    "basics",
    "What to know first.",
    "info@example.org",
    "+966112345678",
    "editor",
    "boss",
    "reception",
    "doctor",
    "dr-haddad",  # the reviewer's staff account (tests/conftest.py)
    "dr.haddad@example.org",
    "Article number",
    "A short English summary.",
    "/admin/login/",  # sign-in records: the address and browser that signed in
    "<unknown>",
]


def english_synonyms():
    """The English search synonyms staff keep: content of the site, not interface."""
    from search.models import Synonym

    found = []
    for synonym in Synonym.objects.filter(language="en"):
        found += [synonym.term, synonym.matches, *synonym.match_list()]
    return found


def sign_in(client, username, password=PASSWORD):
    """Signs in through the admin's own form, as a staff member does."""
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password})


def group(name, *perms):
    found, created = Group.objects.get_or_create(name=name)
    if created:  # made by another branch's migration; these are the rights it should give
        found.permissions.add(*Permission.objects.filter(codename__in=perms))
    return found


@pytest.fixture
def objects(article, about_page):
    Feedback.objects.create(article=article, language="ar", helpful=True, comment="شكرًا")
    ConsultationRequest.objects.create(
        name="سارة", phone="+966112345678", email="info@example.org",
        preferred_language="ar", consent_to_contact=True,
    )  # fmt: skip
    article.title_ar = "مقالة معدلة"
    article.save()  # a second version for the history pages
    return article


def staff(django_user_model, username, group_name=None, **extra):
    user = django_user_model.objects.create_user(username=username, password=PASSWORD, **extra)
    if group_name == "Medical reviewers":
        user.groups.add(
            group(
                group_name,
                "view_article",
                "change_article",
                "view_source",
                "view_reviewer",
                "view_category",
            )  # fmt: skip
        )
    elif group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.mark.parametrize(
    ("username", "group_name", "extra", "must_reach"),
    [
        ("boss", None, {"is_staff": True, "is_superuser": True}, ["/admin/auth/user/"]),
        ("editor", "Content editors", {}, ["/admin/content/article/"]),
        ("reception", "Reception", {}, ["/admin/screener/consultationrequest/"]),
        ("doctor", "Medical reviewers", {}, ["/admin/content/article/"]),
    ],
)
def test_every_admin_page_is_arabic_for_each_staff_group(
    client, django_user_model, objects, username, group_name, extra, must_reach
):
    user = staff(django_user_model, username, group_name, **extra)
    assert sign_in(client, username).status_code == 302
    content = CONTENT + english_synonyms()
    seen, problems = crawl(client, content)
    pages = ["/admin/password_change/", "/admin/two-factor/enrol/", *must_reach]
    for page in pages:
        seen_page, page_problems = crawl(client, content, start=page, limit=1)
        problems.update(page_problems)
    assert set(must_reach) <= seen
    assert any("/history/" in url for url in seen) or not user.has_perm("content.view_article")
    assert problems == {}, "\n".join(f"{url}: {texts}" for url, texts in problems.items())


def test_the_sign_in_page_and_its_errors_are_arabic(client, django_user_model):
    _seen, problems = crawl(client, CONTENT, start="/admin/login/", limit=1)
    assert problems == {}
    staff(django_user_model, "editor", "Content editors")
    found, _ = english_in(sign_in(client, "editor", "wrong-password-1").content.decode(), CONTENT)
    assert found == []


def test_the_crawl_finds_english_when_there_is_some(client, django_user_model, objects):
    staff(django_user_model, "boss", is_staff=True, is_superuser=True)
    sign_in(client, "boss")
    found, _ = english_in('<p>نص</p><a href="/x" title="Choose all">اختر</a>', CONTENT)
    assert found == ["Choose all"]
    client.post("/admin/language/", {"language": "en"})
    seen, problems = crawl(client, CONTENT, limit=3)
    assert problems and len(seen) == 3


def test_the_admin_javascript_catalogue_is_arabic(admin_client):
    catalogue = admin_client.get("/admin/jsi18n/").content.decode()
    for english in ["Choose all %s", "Remove all %s", "Choose %s by selecting them"]:
        assert english in catalogue  # as the key...
    assert json.dumps("اختر كل %s") in catalogue  # ...with Arabic values


def test_a_change_message_reads_as_a_change(client, admin_user, source):
    # Articles answer with the workflow's own messages; every other model with Django's,
    # whose Arabic catalogue says "added" for a change (overridden in the project's).
    # An administrator's change to a source is its own sign-off (an editor's waits).
    client.force_login(admin_user)
    response = client.post(
        f"/admin/content/source/{source.pk}/change/",
        {
            "title": "مراجعة جديدة",
            "publisher": source.publisher,
            "year": source.year or "",
            "url": source.url,
            "language": source.language,
            "link_kind": source.link_kind,
            "authors_checked": "on",
        },
        follow=True,
    )
    assert response.redirect_chain, response.context["adminform"].form.errors
    message = strip_tags(str(list(response.context["messages"])[-1]))
    assert message.startswith("عُدِّل ") and "بنجاح" in message, message
    assert "إضافة" not in message


def test_403_page_is_translated_and_says_whom_to_ask(client, django_user_model):
    staff(django_user_model, "reception", "Reception")
    sign_in(client, "reception")
    response = client.get("/admin/content/article/add/")
    assert response.status_code == 403
    html = response.content.decode()
    assert 'lang="ar" dir="rtl"' in html and "Forbidden" not in html
    assert "مدير العيادة" in html


def test_arabic_dates_in_arabic_order_and_clinic_time(settings):
    from django.utils.formats import date_format

    assert settings.TIME_ZONE == "Asia/Riyadh"
    day = timezone.datetime(2026, 12, 1)
    assert date_format(day) == "1 ديسمبر 2026"


@pytest.mark.parametrize(("language", "yes"), [("ar", "نعم"), ("en", "Yes")])
def test_yes_no_icons_say_yes_in_the_staff_members_language(
    admin_client, admin_user, objects, language, yes
):
    """Django writes its yes/no icons with alt="True"; the admin says the word instead."""
    from staff.models import StaffPreference

    StaffPreference.objects.create(user=admin_user, admin_language=language)
    html = admin_client.get("/admin/content/feedback/").content.decode()
    assert 'alt="True"' not in html and 'alt="False"' not in html
    assert f'icon-yes.svg" alt="{yes}"' in html
