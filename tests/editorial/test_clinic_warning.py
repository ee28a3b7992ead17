"""Review D3: the admin home warns staff, in the admin's language, while the clinic has no
name or telephone (every page then sends patients to a clinic they cannot reach)."""

import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db

HEADINGS = {
    "ar": "لم يُدخَل اسم العيادة أو رقم هاتفها",
    "en": "The clinic's name or telephone number is missing",
}
LINKS = {"ar": "أكمِل بيانات العيادة", "en": "Fill in the clinic profile"}


def home(client, user, code):
    client.force_login(user)
    client.cookies["django_language"] = code
    return client.get("/admin/", headers={"accept-language": code}).content.decode()


@pytest.mark.parametrize("code", ["ar", "en"])
def test_an_empty_clinic_profile_is_flagged_with_a_link_to_fill_it_in(client, admin_user, code):
    page = home(client, admin_user, code)
    assert HEADINGS[code] in page
    assert LINKS[code] in page and 'href="/admin/clinic/clinicprofile/add/"' in page


@pytest.mark.parametrize("code", ["ar", "en"])
def test_staff_who_cannot_fix_it_are_told_whom_to_ask(client, django_user_model, code):
    editor = django_user_model.objects.create_user("ed", password="x-long-pass-42", is_staff=True)
    editor.groups.add(Group.objects.get(name="Content editors"))
    page = home(client, editor, code)
    assert HEADINGS[code] in page and LINKS[code] not in page
    assert {"ar": "اطلب من مدير الموقع", "en": "Ask an administrator"}[code] in page


def test_the_warning_goes_once_the_name_and_phone_are_in(client, admin_user, clinic_profile):
    for code in ("ar", "en"):
        assert HEADINGS[code] not in home(client, admin_user, code)
