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
