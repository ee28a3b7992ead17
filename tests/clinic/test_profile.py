"""The clinic profile: one record, its completeness, the deploy check, the admin, the cache."""

import pytest
from django.conf import settings
from django.core import checks
from django.template.loader import render_to_string
from django.utils import translation

from clinic.checks import check_clinic_profile
from clinic.emergency import local_digits
from clinic.models import ClinicProfile

pytestmark = pytest.mark.django_db


def test_load_returns_an_empty_unsaved_profile_until_one_is_entered():
    profile = ClinicProfile.load()
    assert profile.pk is None and profile.name == "" and profile.own_emergency_numbers == []
    assert profile.emergency_numbers == ["997", "911"]  # CLINIC_COUNTRY's, from the table
    assert not profile.is_complete
    assert "الهاتف" in [str(label) for label in profile.missing_fields()]
    with translation.override("en"):
        missing = [str(label) for label in profile.missing_fields()]
    assert "legal name" in missing and "telephone" in missing
    assert "emergency numbers" not in missing and "licence or registration number" in missing


def test_a_complete_profile(clinic_profile):
    profile = ClinicProfile.load()
    assert profile.is_complete, profile.missing_fields()
    assert profile.emergency_numbers == ["997", "911"]
    assert profile.name == "عيادة الاختبار للجلدية"


def test_a_translated_detail_missing_in_one_language_is_named(clinic_profile):
    clinic_profile.address_en = ""
    clinic_profile.save()
    with translation.override("en"):
        missing = [str(label) for label in ClinicProfile.load().missing_fields()]
    assert missing == ["street address (English)"]


def test_only_one_row(clinic_profile):
    ClinicProfile(legal_name="Another").save()
    assert ClinicProfile.objects.count() == 1
    assert ClinicProfile.load().legal_name == "Another"


def test_deploy_check_warns_until_the_profile_is_complete(clinic_profile):
    assert check_clinic_profile() == []
    clinic_profile.phone = ""
    clinic_profile.save()
    [warning] = check_clinic_profile()
    assert isinstance(warning, checks.Warning) and warning.id == "clinic.W001"
    assert "telephone" in warning.msg


def test_deploy_check_warns_with_no_profile():
    [warning] = check_clinic_profile()
    assert warning.id == "clinic.W001" and "legal name" in warning.msg


def test_phone_include_is_an_ltr_tel_link_or_says_missing(client):
    html = render_to_string("includes/phone.html", {"number": "+966110000001"})
    assert '<a class="phone-number" href="tel:+966110000001" dir="ltr">+966 11 000 0001</a>' in html
    assert "لم تُضِف العيادة هذه المعلومة بعد" in render_to_string(
        "includes/phone.html", {"number": ""}
    )


def test_footer_names_the_clinic_and_how_to_reach_it(client, clinic_profile):
    html = client.get("/en/").content.decode()
    assert "This site is run by Test Dermatology Clinic." in html
    assert 'href="tel:+966110000001"' in html and 'href="/en/contact/"' in html
    html = client.get("/ar/").content.decode()
    assert "يدير هذا الموقع عيادة الاختبار للجلدية." in html


def test_footer_with_no_profile_invents_nothing(client):
    html = client.get("/en/").content.decode()
    assert "This site is run by a clinic whose details are not yet provided." in html
    assert "tel:" not in html and "mailto:" not in html and "example.org" not in html


def test_saving_the_profile_shows_at_once_on_cached_pages(client, clinic_profile, commit):
    assert "Test Dermatology Clinic" in client.get("/en/").content.decode()
    clinic_profile.trade_name_en = "Renamed Clinic"
    with commit():
        clinic_profile.save()
    assert "Renamed Clinic" in client.get("/en/").content.decode()


def test_admin_single_object_for_administrators_only(client, admin_user, editor, clinic_profile):
    client.force_login(admin_user)
    response = client.get("/admin/clinic/clinicprofile/")
    assert response.status_code == 302 and response.url.endswith("/1/change/")
    assert client.get("/admin/clinic/clinicprofile/add/").status_code == 403
    assert client.get("/admin/clinic/clinicprofile/1/delete/").status_code == 403
    assert client.get("/admin/clinic/clinicprofile/1/change/").status_code == 200
    client.force_login(editor)
    assert client.get("/admin/clinic/clinicprofile/1/change/").status_code == 403


def test_admin_add_while_empty(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/clinic/clinicprofile/")
    assert response.status_code == 302 and response.url.endswith("/add/")
    html = client.get(response.url).content.decode()
    assert "Still missing" in html or "ما زال ناقصًا" in html


def test_the_cached_profile_costs_no_query(clinic_profile, django_assert_num_queries):
    from clinic.cache import cached_profile

    cached_profile()
    with django_assert_num_queries(0):
        profile = cached_profile()
        assert profile.is_complete and profile.licence_list[0].number == "TEST-0001"


def profile_form_data(profile, **changes):
    """The clinic profile's change form as the admin sends it, with `changes`."""
    from django.forms.models import model_to_dict

    data = {k: v for k, v in model_to_dict(profile).items() if v is not None}
    data.update(
        {
            "licences-TOTAL_FORMS": "0",
            "licences-INITIAL_FORMS": "0",
            "licences-MIN_NUM_FORMS": "0",
            "licences-MAX_NUM_FORMS": "1000",
        }
    )
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("+966 11 234 5678", "+966112345678"),
        ("٠١١ ٢٣٤ ٥٦٧٨", "+966112345678"),  # Arabic-Indic digits, without the country code
        ("00966-11-234-5678", "+966112345678"),
    ],
)
def test_the_clinic_phone_is_typed_as_people_write_it_and_shown_grouped(
    client, admin_user, clinic_profile, typed, stored
):
    client.force_login(admin_user)
    url = "/admin/clinic/clinicprofile/1/change/"
    response = client.post(url, profile_form_data(clinic_profile, phone=typed, whatsapp=""))
    assert response.status_code == 302, response.content.decode()[:3000]
    clinic_profile.refresh_from_db()
    assert (clinic_profile.phone, clinic_profile.whatsapp) == (stored, "")
    # The form shows it grouped again; patients see it grouped, in their digits.
    assert 'value="+966 11 234 5678"' in client.get(url).content.decode()
    for code, _name in settings.LANGUAGES:
        shown = local_digits("+966 11 234 5678", code)
        html = client.get(f"/{code}/contact/").content.decode()
        assert f'href="tel:+966112345678" dir="ltr">{shown}</a>' in html, code


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (
            "ar",
            'هذا ليس رقم هاتف. اكتبه مع رمز الدولة، مثل <span dir="ltr">+966 11 234 5678</span>.',
        ),
        ("en", "This is not a telephone number. Write it with the country code, for example "),
    ],
)
def test_a_wrong_clinic_phone_is_refused_in_the_admins_language(
    client, admin_user, clinic_profile, code, message
):
    from staff.models import StaffPreference

    StaffPreference.objects.create(user=admin_user, admin_language=code)
    client.force_login(admin_user)
    url = "/admin/clinic/clinicprofile/1/change/"
    response = client.post(url, profile_form_data(clinic_profile, phone="12 ab 34"))
    assert response.status_code == 200
    assert message in response.content.decode()
    clinic_profile.refresh_from_db()
    assert clinic_profile.phone == "+966110000001"
