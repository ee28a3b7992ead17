"""The body editor's server side: the widget on body fields, and the staff-only preview."""

import json

import pytest

pytestmark = pytest.mark.django_db
PREVIEW = "/admin/body-preview/"


def test_body_fields_get_the_editor_and_keep_their_direction(client, editor, article):
    client.force_login(editor)
    html = client.get(f"/admin/content/article/{article.pk}/change/").content.decode()
    assert "vendor/easymde/easymde.min.js" in html and "js/body-editor.js" in html
    assert html.count("data-body-editor") == 2
    assert 'data-language="ar"' in html and 'data-preview-url="/admin/body-preview/"' in html
    assert "font-awesome" not in html and "cdn" not in html.lower()


def test_preview_is_the_real_rendering_with_isolation_and_counts(client, editor):
    client.force_login(editor)
    response = client.post(
        PREVIEW, {"text": "## عنوان\n\nيحتوي Kybella على 10 mg.", "language": "ar"}
    )
    data = json.loads(response.content)
    assert '<h2 id="عنوان">عنوان</h2>' in data["html"]
    assert '<span dir="ltr" lang="en">Kybella</span>' in data["html"]
    assert data["words"] == 5 and data["warnings"] == []
    assert data["summary"].startswith("عدد الكلمات: 5")


def test_preview_names_what_the_sanitizer_removes(client, editor):
    client.force_login(editor)
    data = client.post(
        PREVIEW, {"text": "# Title\n\nSome <b>bold</b> text.", "language": "en"}
    ).json()
    assert len(data["warnings"]) == 2
    assert any("##" in warning for warning in data["warnings"])
    assert any("<b>" in warning for warning in data["warnings"])
    assert "<b>" not in data["html"] and "<h1>" not in data["html"]
    assert "<span" not in data["html"]  # English text is not isolated


def test_preview_is_for_staff_only_with_csrf(client, editor, django_user_model):
    assert client.post(PREVIEW, {"text": "x", "language": "ar"}).status_code == 302
    outsider = django_user_model.objects.create_user(username="visitor", password="x-1234567")
    client.force_login(outsider)
    assert client.post(PREVIEW, {"text": "x", "language": "ar"}).status_code == 302
    client.force_login(editor)
    assert client.get(PREVIEW).status_code == 405
    assert client.post(PREVIEW, {"text": "x", "language": "fr"}).status_code == 400
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    assert strict.post(PREVIEW, {"text": "x", "language": "ar"}).status_code == 403


def test_page_bodies_get_the_editor_too(admin_client, about_page):
    html = admin_client.get(f"/admin/content/page/{about_page.pk}/change/").content.decode()
    assert html.count("data-body-editor") == 2 and 'data-language="en"' in html


@pytest.mark.parametrize(
    "code, expected",
    [
        (
            "ar",
            {
                "callout_dialog": "أدرج مربعًا",
                "callout_edit": "عدّل هذا المربع",
                "callout_kind": "نوع المربع",
                "urgent": "رعاية عاجلة",
                "callout_heading": "العنوان (اختياري)",
                "callout_body": "نص المربع",
                "callout_insert": "أدرج المربع",
                "callout_update": "حدّث المربع",
            },
        ),
        (
            "en",
            {
                "callout_dialog": "Insert a box",
                "callout_edit": "Change this box",
                "callout_kind": "Kind of box",
                "urgent": "Urgent care",
                "callout_heading": "Heading (optional)",
                "callout_body": "Text of the box",
                "callout_insert": "Insert the box",
                "callout_update": "Update the box",
            },
        ),
    ],
)
def test_the_box_dialog_speaks_the_admins_language(client, editor, article, code, expected):
    """Review D5: the care-card dialog's labels, hints included, in the admin's language."""
    import html
    import re

    client.force_login(editor)
    page = client.get(
        f"/admin/content/article/{article.pk}/change/", HTTP_ACCEPT_LANGUAGE=code
    ).content.decode()
    labels = json.loads(html.unescape(re.search(r'data-labels="([^"]*)"', page)[1]))
    assert {key: labels[key] for key in expected} == expected
    for kind in ("urgent", "same-day", "non-urgent", "warning", "inset"):
        assert labels[f"{kind}_hint"]  # each kind says what it is for


def test_a_box_as_the_dialog_writes_it_renders_as_one_card_with_its_paragraphs(client, editor):
    client.force_login(editor)
    text = '!!! urgent "اطلب المساعدة فورًا"\n    السطر الأول.\n\n    الفقرة الثانية.\n\nبعد المربع.'
    data = client.post(PREVIEW, {"text": text, "language": "ar"}).json()
    card = data["html"].split('class="care-card care-card--urgent"')[1].split("</section>")[0]
    assert "اطلب المساعدة فورًا" in card
    assert "<p>السطر الأول.</p>" in card and "<p>الفقرة الثانية.</p>" in card
    assert "بعد المربع." not in card and data["warnings"] == []
