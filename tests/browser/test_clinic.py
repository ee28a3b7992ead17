"""The clinic's profile, end to end: an administrator fills it in, visitors see and call it."""

import pytest

from .conftest import ARTIFACTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-long-test-password-42"


def fill_translated(page, field_id, value):
    """Open the language tab that holds `field_id` (modeltranslation's tabs), then type."""
    panel = page.evaluate(
        f"() => document.getElementById('{field_id}').closest('[role=tabpanel]').id"
    )
    page.click(f"a[href='#{panel}']")
    page.fill(f"#{field_id}", value)


def test_an_administrator_fills_in_the_profile_and_every_page_shows_it(
    new_page, site, django_user_model
):
    from clinic.models import ClinicProfile

    ClinicProfile.objects.all().delete()  # the site fixture's profile: start from nothing
    django_user_model.objects.create_superuser("admin", "admin@clinic.example", PASSWORD)
    visitor = new_page()
    visitor.goto("/ar/contact/")  # cached for visitors while the profile is still empty
    assert "لم تُضِف العيادة هذه المعلومة بعد" in visitor.locator("main").inner_text()
    # No clinic phone yet; only the emergency numbers (clinic/emergency_numbers.yaml): the
    # clinic's country's, then the other countries'.
    ambulance = ":not(.emergency-numbers a):not(.emergency-numbers-elsewhere a)"
    assert visitor.locator(f"main a[href^='tel:']{ambulance}").count() == 0
    assert visitor.locator(".emergency-numbers a[href^='tel:']").count() >= 1

    staff = new_page(locale="en")
    staff.goto("/admin/login/")
    staff.fill("#id_username", "admin")
    staff.fill("#id_password", PASSWORD)
    with staff.expect_navigation():
        staff.click("input[type=submit]")
    staff.goto("/admin/clinic/clinicprofile/")
    assert staff.url.endswith("/admin/clinic/clinicprofile/add/")
    staff.fill("#id_legal_name", "Nour Clinic Company")
    for field, values in {
        "trade_name": ("عيادة نور", "Nour Clinic"),
        "address": ("طريق الملك فهد 100", "100 King Fahd Road"),
        "city": ("جدة", "Jeddah"),
        "opening_hours": ("السبت إلى الخميس", "Saturday to Thursday"),
    }.items():
        fill_translated(staff, f"id_{field}_ar", values[0])
        fill_translated(staff, f"id_{field}_en", values[1])
    staff.fill("#id_phone", "+966120000003")
    staff.fill("#id_email", "hello@nour.example")
    staff.fill("#id_emergency_phones", "997")
    fill_translated(staff, "id_licences-0-kind_ar", "ترخيص منشأة صحية")
    fill_translated(staff, "id_licences-0-kind_en", "Health facility licence")
    staff.fill("#id_licences-0-number", "NOUR-42")
    fill_translated(staff, "id_licences-0-issued_by_ar", "وزارة الصحة")
    fill_translated(staff, "id_licences-0-issued_by_en", "Ministry of Health")
    with staff.expect_navigation():
        staff.click("input[name=_save]")
    assert staff.locator(".messagelist .success").count() == 1
    assert "Nothing: every page can name the clinic" in staff.locator("main").inner_text()
    assert staff.locator(".deletelink").count() == 0

    visitor.reload()
    assert visitor.locator("main").inner_text().count("لم تُضِف العيادة هذه المعلومة بعد") == 0
    phone = visitor.locator("main a.phone-number[href='tel:+966120000003']").first
    # Shown in the page's digits, dialled as stored (the link), read left to right.
    assert phone.get_attribute("dir") == "ltr" and phone.inner_text() == "+966 12 000 0003"
    assert "يدير هذا الموقع عيادة نور." in visitor.locator("footer").inner_text()
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    visitor.screenshot(path=folder / "ar-contact-filled-desktop.png", full_page=True)
    visitor.goto("/en/about/")
    assert "The clinic's name is Nour Clinic." in visitor.locator("main").inner_text()
    visitor.goto("/en/")
    assert "This site is run by Nour Clinic." in visitor.locator("footer").inner_text()
