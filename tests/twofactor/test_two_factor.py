"""Every staff account signs in with a password and then a code from an authenticator app;
an administrator can reset a lost one."""

import re
from urllib.parse import unquote

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from twofactor.models import AuthenticatorApp

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password-42"


@pytest.fixture(autouse=True)
def _second_factor_required(settings):
    settings.STAFF_OTP_REQUIRED = True


@pytest.fixture
def doctor(django_user_model):
    return django_user_model.objects.create_user(
        username="doctor", password=PASSWORD, is_staff=True, is_superuser=True
    )


def code_for(device, drift=0):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, drift=drift):06d}"


def password_only(language="en"):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    response = client.post(
        reverse("admin:login"),
        {"username": "doctor", "password": PASSWORD, "next": reverse("admin:index")},
    )
    assert response.status_code == 302
    return client


def enrolled(user):
    return AuthenticatorApp.objects.create(user=user, name="phone", confirmed=True)


def test_a_password_alone_opens_no_admin_page(doctor):
    enrolled(doctor)
    client = password_only()
    for name in ["admin:index", "admin:auth_user_changelist", "admin:password_change"]:
        response = client.get(reverse(name))
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("twofactor:verify"))
    assert client.get(reverse("admin:auth_user_changelist"), follow=True).redirect_chain


def test_the_right_code_opens_the_admin_and_a_wrong_one_does_not(doctor):
    app = enrolled(doctor)
    client = password_only()
    target = reverse("admin:auth_user_changelist")
    page = client.get(target, follow=True)
    assert "Enter your sign-in code" in page.content.decode()
    verify = page.redirect_chain[-1][0]
    wrong = client.post(verify, {"code": "000000" if code_for(app) != "000000" else "111111"})
    assert wrong.status_code == 200
    assert "That code is wrong or has expired" in wrong.content.decode()
    assert client.get(target).status_code == 302
    app.refresh_from_db()
    app.throttle_reset()  # a wrong code makes the next try wait a second
    right = client.post(verify, {"code": code_for(app), "next": target})
    assert right.status_code == 302 and right["Location"] == target
    assert client.get(target).status_code == 200


def test_a_code_typed_in_arabic_digits_is_accepted(doctor):
    app = enrolled(doctor)
    client = password_only("ar")
    arabic = code_for(app).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    page = client.get(reverse("twofactor:verify"))
    assert "أدخل رمز الدخول" in page.content.decode()
    assert client.post(reverse("twofactor:verify"), {"code": arabic}).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def password_again(client, password=PASSWORD):
    return client.post(reverse("twofactor:enrol"), {"password": password})


def test_a_staff_member_without_an_app_sets_one_up_first(doctor):
    client = password_only()
    page = client.get(reverse("admin:index"), follow=True)
    assert page.redirect_chain[-1][0].startswith(reverse("twofactor:enrol"))
    assert "Type your password again" in page.content.decode()
    assert not AuthenticatorApp.objects.filter(user=doctor).exists()  # no key yet
    assert password_again(client).status_code == 302
    html = client.get(reverse("twofactor:enrol")).content.decode()
    assert "Set up two-step sign-in" in html
    qr = html.split('class="two-factor__qr"', 1)[1].split("</svg>", 1)[0]
    assert "<svg" in qr and "href" not in qr and "url(" not in qr  # drawn here, no fetch
    app = AuthenticatorApp.objects.get(user=doctor)
    assert not app.confirmed
    assert app.typed_key() in html
    # The same key on every visit of this session until it is confirmed.
    client.get(reverse("twofactor:enrol"))
    assert AuthenticatorApp.objects.filter(user=doctor).count() == 1
    done = client.post(reverse("twofactor:enrol"), {"code": code_for(app)})
    assert done.status_code == 302 and done["Location"] == reverse("admin:index")
    app.refresh_from_db()
    assert app.confirmed
    assert client.get(reverse("admin:index")).status_code == 200
    # Once set up, the enrolment page shows no key any more.
    again = password_only()
    assert again.get(reverse("twofactor:enrol"))["Location"] == reverse("twofactor:verify")


def test_a_wrong_password_again_shows_no_key_and_counts_as_a_failure(doctor):
    from axes.models import AccessAttempt

    client = password_only("ar")
    wrong = password_again(client, "not my password")
    assert wrong.status_code == 200
    html = wrong.content.decode()
    assert "كلمة المرور هذه غير صحيحة" in html
    assert not AuthenticatorApp.objects.filter(user=doctor).exists()
    assert AccessAttempt.objects.filter(username="doctor").exists()


def test_each_enrolment_session_gets_its_own_key_and_only_the_confirmed_one_stays(doctor):
    """The red team's race: someone with a new staff member's password opens the enrolment
    page first; the real user sets up their app later; the first key must be worthless."""
    attacker, user = password_only(), password_only()
    password_again(attacker)
    attacker.get(reverse("twofactor:enrol"))
    password_again(user)
    page = user.get(reverse("twofactor:enrol")).content.decode()
    first, second = AuthenticatorApp.objects.filter(user=doctor).order_by("pk")
    assert first.typed_key() != second.typed_key()
    assert second.typed_key() in page and first.typed_key() not in page
    assert user.post(reverse("twofactor:enrol"), {"code": code_for(second)}).status_code == 302
    assert list(AuthenticatorApp.objects.filter(user=doctor)) == [second]
    # The attacker's copy of the first key signs in nowhere.
    late = password_only()
    response = late.post(reverse("twofactor:verify"), {"code": code_for(first)})
    assert response.status_code == 200 or code_for(first) == code_for(second)
    assert late.get(reverse("admin:index")).status_code == 302
    stale = attacker.post(reverse("twofactor:enrol"), {"code": code_for(first)})
    assert stale.status_code == 302 and stale["Location"].startswith(reverse("twofactor:verify"))


def test_the_owner_is_told_when_an_app_is_added(
    doctor, mailoutbox, django_capture_on_commit_callbacks
):
    doctor.email = "doctor@clinic.example"
    doctor.save()
    client = password_only()
    password_again(client)
    client.get(reverse("twofactor:enrol"))
    app = AuthenticatorApp.objects.get(user=doctor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("twofactor:enrol"), {"code": code_for(app)})
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["doctor@clinic.example"]
    assert "added" in mailoutbox[0].subject
    assert "doctor" in mailoutbox[0].body


def test_a_password_alone_opens_no_staff_page_outside_the_admin(doctor, article):
    enrolled(doctor)
    client = password_only()
    style_guide = reverse("content:style_guide")
    response = client.get(style_guide)
    assert response.status_code == 302 and "style-guide" not in response["Location"].split("?")[0]
    app = AuthenticatorApp.objects.get(user=doctor)
    client.post(reverse("twofactor:verify"), {"code": code_for(app)})
    assert client.get(style_guide).status_code == 200


def test_the_qr_code_names_the_site_and_the_key(doctor):
    app = AuthenticatorApp.for_enrolment(doctor, {})
    svg = app.qr_code_svg()
    assert svg.startswith("<svg") and "<?xml" not in svg
    assert "style=" not in svg and "<script" not in svg  # nothing the CSP would block
    assert unquote(app.config_url).startswith("otpauth://totp/MesoInfo:doctor?")
    assert re.fullmatch(r"[A-Z2-7]{4}( [A-Z2-7]{1,4})+", app.typed_key())


def test_wrong_codes_are_throttled(doctor):
    app = enrolled(doctor)
    client = password_only()
    wrong = "000000" if code_for(app) != "000000" else "111111"
    client.post(reverse("twofactor:verify"), {"code": wrong})
    response = client.post(reverse("twofactor:verify"), {"code": code_for(app)})
    assert "Too many wrong codes" in response.content.decode()
    assert client.get(reverse("admin:index")).status_code == 302


def test_a_rejected_next_leads_to_the_admin(doctor):
    app = enrolled(doctor)
    client = password_only()
    response = client.post(
        reverse("twofactor:verify"), {"code": code_for(app), "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("admin:index")


def test_the_steps_need_a_password_first():
    client = Client()
    for name in ["twofactor:verify", "twofactor:enrol"]:
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_an_administrator_resets_a_lost_app(
    doctor, django_user_model, mailoutbox, django_capture_on_commit_callbacks
):
    nurse = django_user_model.objects.create_user(
        username="nurse", password=PASSWORD, is_staff=True
    )
    lost = enrolled(nurse)
    app = enrolled(doctor)
    client = password_only("ar")
    client.post(reverse("twofactor:verify"), {"code": code_for(app)})
    listing = client.get(reverse("admin:twofactor_authenticatorapp_changelist"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "تطبيقات المصادقة" in html and "nurse" in html
    assert lost.key not in html and "otpauth" not in html
    nurse.email = "nurse@clinic.example"
    nurse.save()
    nurse_client = Client()
    nurse_client.force_login(nurse)
    assert nurse_client.session.session_key
    url = reverse("admin:twofactor_authenticatorapp_delete", args=[lost.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"post": "yes"}).status_code == 302
    assert not TOTPDevice.objects.filter(user=nurse).exists()
    # The lost phone's owner is signed out everywhere and told; the administrator is not.
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=nurse_client.session.session_key).exists()
    assert client.get(reverse("admin:index")).status_code == 200
    assert [m.to for m in mailoutbox] == [["nurse@clinic.example"]]
    assert mailoutbox[0].subject == "حُذف تطبيق المصادقة من حسابك في ميزو إنفو"  # in Arabic
    assert reverse("admin:twofactor_authenticatorapp_add") not in html


def test_without_the_setting_a_password_is_enough(doctor, settings):
    settings.STAFF_OTP_REQUIRED = False
    assert password_only().get(reverse("admin:index")).status_code == 200


def test_passwords_need_twelve_characters():
    with pytest.raises(ValidationError):
        validate_password("kx7#mq2!vb9")  # 11
    validate_password("kx7#mq2!vb9z")  # 12


@pytest.mark.parametrize(
    "password", ["aaaaaaaaaaaa", "abcabcabcabc", "121212121212", "AaAaAaAaAaAa", "abcdeabcdeab"]
)
def test_a_password_of_one_piece_repeated_is_refused(password):
    from django.utils import translation

    with translation.override("en"), pytest.raises(ValidationError, match="repeats the same"):
        validate_password(password)


def test_a_varied_password_is_accepted_and_the_refusal_speaks_arabic():
    from django.utils import translation

    validate_password("kx7#mq2!vb9z")
    with translation.override("ar"), pytest.raises(ValidationError) as refused:
        validate_password("aaaaaaaaaaaa")
    assert "6 أحرف مختلفة" in " ".join(refused.value.messages)


def test_a_rejected_next_after_the_password_leads_to_the_admin(doctor, settings):
    settings.STAFF_OTP_REQUIRED = False
    response = Client().post(
        reverse("admin:login"),
        {"username": "doctor", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
