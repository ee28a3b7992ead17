"""Staff accounts that work: a staff group is enough to sign in; each user picks the
admin's language for themselves alone."""

import pytest
from django.contrib.auth.models import Group

from .test_admin_arabic import PASSWORD, sign_in

pytestmark = pytest.mark.django_db


def test_a_user_created_with_only_a_staff_group_can_sign_in(client, django_user_model):
    user = django_user_model.objects.create_user(username="nadia", password=PASSWORD)
    assert not user.is_staff
    user.groups.add(Group.objects.get(name="Content editors"))
    response = sign_in(client, "nadia")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/content/article/").status_code == 200


def test_adding_from_the_group_side_makes_staff_too(django_user_model):
    user = django_user_model.objects.create_user(username="omar", password=PASSWORD)
    Group.objects.get(name="Reception").user_set.add(user)
    user.refresh_from_db()
    assert user.is_staff


def test_the_admins_user_form_makes_a_group_member_staff(admin_client, django_user_model):
    user = django_user_model.objects.create_user(username="huda", password=PASSWORD)
    group = Group.objects.get(name="Reception")
    page = admin_client.get(f"/admin/auth/user/{user.pk}/change/")
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "password"}
    data |= {"username": "huda", "groups": [group.pk], "date_joined_0": "2026-12-01",
             "date_joined_1": "10:00:00", "user_permissions": []}  # fmt: skip
    data.pop("date_joined", None)
    data.pop("last_login", None)
    response = admin_client.post(f"/admin/auth/user/{user.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    user.refresh_from_db()
    assert user.is_staff


def test_sign_in_without_staff_rights_does_not_blame_the_password(client, django_user_model):
    django_user_model.objects.create_user(username="sami", password=PASSWORD)
    html = sign_in(client, "sami").content.decode()
    assert "لا يملك هذا الحساب صلاحية الدخول إلى لوحة الإدارة" in html
    wrong = sign_in(client, "sami", "wrong-password-123").content.decode()
    assert "لا يملك هذا الحساب" not in wrong


def test_switching_admin_language_is_per_user_and_leaves_the_public_site_alone(
    client, django_user_model, article
):
    from django.test import Client

    for name in ("rana", "ali"):
        user = django_user_model.objects.create_user(username=name, password=PASSWORD)
        user.groups.add(Group.objects.get(name="Content editors"))
    other = Client()
    sign_in(client, "rana")
    sign_in(other, "ali")
    index = client.get("/admin/").content.decode()
    assert 'lang="ar"' in index and "إدارة ميزو إنفو" in index
    assert 'name="language" value="en"' in index  # the switch in the header
    response = client.post("/admin/language/", {"language": "en", "next": "/admin/content/"})
    assert response.status_code == 302 and response["Location"] == "/admin/content/"
    english = client.get("/admin/").content.decode()
    assert 'lang="en"' in english and "MesoInfo administration" in english
    assert 'lang="ar"' in other.get("/admin/").content.decode()  # Ali keeps Arabic
    # The public Arabic pages stay Arabic for Rana.
    assert 'lang="ar"' in client.get(article.get_absolute_url()).content.decode()[:300]
    client.post("/admin/language/", {"language": "ar", "next": "https://evil.example/"})
    assert 'lang="ar"' in client.get("/admin/").content.decode()


def test_switching_needs_a_signed_in_staff_member_and_a_post(client):
    assert client.get("/admin/language/").status_code in {302, 405}
    response = client.post("/admin/language/", {"language": "en"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
