"""A staff member sets up two-step sign-in, in Arabic, in the real browser, then signs in
again with a code."""

import json
import subprocess

import pytest
from django_otp.oath import totp

from twofactor.models import AuthenticatorApp

from .conftest import ARTIFACTS, PHONE
from .test_audits import VNU, axe_violations

# Like every browser test: the live server's database is put back as migrations left it
# (a plain transactional reset would renumber content types under the other tests).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "a-long-test-password-42"


@pytest.fixture(autouse=True)
def _second_factor_required(settings):
    settings.STAFF_OTP_REQUIRED = True


def code(app, drift=0):
    return f"{totp(app.bin_key, step=app.step, t0=app.t0, drift=drift):06d}"


def sign_in_with_password(page):
    page.goto("/admin/login/")
    page.fill("#id_username", "doctor")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")


def type_code(page, value):
    page.fill("input[name=code]", value)
    with page.expect_navigation():
        page.click(".two-factor input[type=submit]")


def test_enrol_then_sign_in_again_in_arabic(new_page, django_user_model, live_server, tmp_path):
    user = django_user_model.objects.create_user(
        username="doctor", password=PASSWORD, is_staff=True, is_superuser=True
    )
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)

    page = new_page(locale="ar")
    sign_in_with_password(page)
    assert "/two-factor/enrol/" in page.url
    # The password once more before any key is shown.
    assert page.locator("h1").inner_text() == "اكتب كلمة المرور مرة أخرى"
    assert axe_violations(page) == []
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click(".two-factor input[type=submit]")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "فعِّل الدخول بخطوتين"
    qr = page.locator(".two-factor__qr svg")
    box = qr.bounding_box()
    assert box["width"] >= 150 and box["height"] >= 150  # big enough for a phone camera
    app = AuthenticatorApp.objects.get(user=user)
    key = page.locator(".two-factor__key")
    assert key.inner_text() == app.typed_key()
    assert key.get_attribute("dir") == "ltr"
    page.screenshot(path=folder / "two-factor-enrol-ar.png", full_page=True)
    assert axe_violations(page) == []
    html = tmp_path / "enrol.html"
    html.write_text(page.content(), encoding="utf-8")
    checked = subprocess.run(  # noqa: S603 - fixed arguments, our own file
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", str(html)],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert json.loads(checked.stderr or '{"messages": []}')["messages"] == []

    type_code(page, "123")  # too short: a clear message, in Arabic
    assert "اكتب الأرقام الستة التي يعرضها التطبيق." in page.locator(".errornote").inner_text()
    assert page.locator("input[name=code]").get_attribute("aria-invalid") == "true"
    type_code(page, code(app))
    assert page.url == f"{live_server.url}/admin/"
    assert page.locator("#site-name").is_visible()
    assert page.locator("#user-tools").is_visible()  # the admin itself, signed in

    # Next time: the password, then a code (a later one: a code is never accepted twice).
    again = new_page(viewport=PHONE, locale="ar")
    sign_in_with_password(again)
    assert "/two-factor/verify/" in again.url
    assert again.locator("h1").inner_text() == "أدخل رمز الدخول"
    assert axe_violations(again) == []
    again.screenshot(path=folder / "two-factor-verify-ar-phone.png", full_page=True)
    type_code(again, code(app, drift=1))
    assert again.url == f"{live_server.url}/admin/"
    assert again.locator("#user-tools").is_visible()
