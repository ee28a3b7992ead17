"""Every Arabic page shows Latin and number runs inside an isolate, made by the renderer:
a reviewer's licence, the phone examples of the consultation form and its errors, the
time-zone name, addresses, codes, the admin's counters and help texts."""

import pytest
from django.urls import reverse
from django.utils import translation

from screener.models import ConsultationRequest
from tests.bidi_check import unisolated_runs
from tests.screener.helpers import answer_all, ready_token
from tests.staff.crawl import crawl

pytestmark = pytest.mark.django_db
LICENCE = "12-R-3456"


@pytest.fixture
def licensed(article, reviewer, clinic_profile, about_page):
    reviewer.credentials_ar = f"استشارية جلدية، ترخيص الهيئة السعودية للتخصصات الصحية {LICENCE}"
    reviewer.save()
    article.body_ar += "\n\nيحتوي Kybella على 10 mg، واتصل بـ 051 234 5678."
    article.save()
    return article


def ar(name, *args, **kwargs):
    with translation.override("ar"):
        return reverse(name, args=args, kwargs=kwargs or None)


def public_pages(client, article):
    """(address, HTML) for every kind of public page, in Arabic, with its forms' errors."""
    with translation.override("ar"):
        urls = [
            reverse("content:home"),
            article.category.get_absolute_url(),
            article.get_absolute_url(),
            reverse("search:results") + "?q=Kybella",
            reverse("search:results") + "?q=مقالة",
            reverse("content:about"),
            reverse("content:editorial_policy"),
            reverse("clinic:contact"),
            reverse("screener:start"),
            reverse("screener:question", args=[1]),
            reverse("screener:consultation"),
            "/ar/no-such-page/here/",
        ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        yield url, response.content.decode()
    consultation = ar("screener:consultation")
    error = client.post(consultation, {"phone": "12", "token": ready_token()}, follow=True)
    assert error.status_code == 400  # Post/Redirect/Get: the form, refilled, with its errors
    yield "consultation error", error.content.decode()
    outcome = answer_all(client, {"pregnancy": "yes"})
    yield "result", outcome.content.decode()
    yield "print", client.get(ar("screener:outcome_print")).content.decode()
    data = {
        "name": "ليلى",
        "phone": "+966501234567",
        "preferred_language": "ar",
        "preferred_time": "morning",
        "consent_to_contact": "on",
        "website": "",
        "token": ready_token(),
    }
    sent = client.post(consultation, data, follow=True)
    assert sent.redirect_chain[-1][0].endswith("/screener/consultation/sent/")
    yield "sent", sent.content.decode()


def test_every_public_arabic_page_isolates_its_latin_and_number_runs(client, licensed):
    pages = dict(public_pages(client, licensed))
    problems = {url: runs for url, html in pages.items() if (runs := unisolated_runs(html))}
    assert problems == {}
    article_html = pages[licensed.get_absolute_url()]
    # The licence, as typed, in the byline and in "About this page" (twice), isolated.
    assert article_html.count(f'<span dir="ltr" lang="en">{LICENCE}</span>') >= 2
    # The phone examples, in the help text and in the error, each one isolate.
    for page in (pages[ar("screener:consultation")], pages["consultation error"]):
        assert '<span dir="ltr">051 234 5678</span>' in page
        assert '<span dir="ltr">+966 51 234 5678</span>' in page
    assert pages["consultation error"].count('<span dir="ltr">+966 51 234 5678</span>') >= 2


def test_the_check_finds_a_scrambled_run():
    page = '<html lang="ar" dir="rtl"><body><p>ترخيص 12-R-3456 و051 234 5678</p></body></html>'
    assert unisolated_runs(page) == ["ترخيص 12-R-3456 و051 234 5678"]
    isolated = page.replace("12-R-3456", '<span dir="ltr">12-R-3456</span>')
    assert unisolated_runs(isolated) == ["و051 234 5678"]
    assert unisolated_runs(page.replace('dir="rtl"', 'dir="ltr"')) == []
    assert unisolated_runs("<html dir=rtl><title>\u2066MesoInfo\u2069 ميزو</title>") == []
    assert unisolated_runs("<html dir=rtl><title>MesoInfo</title>") == ["MesoInfo"]
    assert unisolated_runs("<html dir=rtl><p>خلال 3 أيام من 2026، 10-15 جلسة، 20%</p>") == []


@pytest.mark.parametrize("username", ["boss", "reception"])
def test_every_admin_page_isolates_its_latin_and_number_runs(
    client, django_user_model, licensed, username
):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        username=username, password="a-long-test-password-42", email=f"{username}@example.org"
    )
    if username == "boss":
        user.is_staff = user.is_superuser = True
        user.save()
    else:
        user.groups.add(Group.objects.get(name="Reception"))
    ConsultationRequest.objects.create(
        name="سارة", phone="+966112345678", email="sara@example.org",
        preferred_language="ar", consent_to_contact=True,
    )  # fmt: skip
    client.force_login(user)
    seen, problems = crawl(client, [], check=unisolated_runs)
    assert len(seen) > (40 if username == "boss" else 3)
    assert problems == {}, "\n".join(f"{url}: {runs[:5]}" for url, runs in problems.items())


def test_arabic_emails_isolate_codes_and_addresses(
    client, django_capture_on_commit_callbacks, settings, django_user_model
):
    from django.contrib.auth.models import Group
    from django.core import mail

    settings.LANGUAGE_CODE = "ar"
    desk = django_user_model.objects.create_user(username="desk", email="desk@clinic.example")
    desk.groups.add(Group.objects.get(name="Reception"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            ar("screener:consultation"),
            {
                "name": "ليلى",
                "phone": "+966501234567",
                "preferred_language": "ar",
                "preferred_time": "morning",
                "consent_to_contact": "on",
                "website": "",
                "token": ready_token(),
            },
        )
    row = ConsultationRequest.objects.get()
    text = mail.outbox[0].subject + mail.outbox[0].body
    assert f"\u2066{row.reference}\u2069" in text
    # The link is built from SITE_URL, never the request's Host.
    assert f"\u2066{settings.SITE_URL.rstrip('/')}/admin/" in text
