"""Live preview: the change form's Preview shows what is typed, unsaved, and stores nothing."""

import html as html_module
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from content.models import Article, Page
from editorial.models import ChangeRequest, EditLock, Revision
from staff.models import StaffPreference
from tests.forms import form_data

pytestmark = pytest.mark.django_db


def form_of(client, url, form_id):
    return form_data(client.get(url).content.decode(), form_id)


def framed(response):
    """The public page drawn in the preview's frame (its srcdoc attribute)."""
    found = re.search(r'srcdoc="([^"]*)"', response.content.decode())
    assert found, "no preview frame"
    return html_module.unescape(found.group(1))


def stored(article):
    return (
        Revision.objects.count(),
        Article.objects.count(),
        list(EditLock.objects.values_list("holder", "since", "seen_at")),
        ChangeRequest.objects.count(),
        LogEntry.objects.count(),
        Article.objects.filter(pk=article.pk).values_list("title_ar", "title_en", "body_en")[0],
        Article.objects.filter(pk=article.pk).values_list("latest_revision", flat=True)[0],
    )


def article_form(client, article):
    """The change form as the browser would send it."""
    return form_of(
        client, reverse("admin:content_article_change", args=[article.pk]), "article_form"
    )


def preview_article(client, article, data=None, **changes):
    data = {**(data or article_form(client, article)), **changes}
    return client.post(reverse("admin:content_article_live_preview", args=[article.pk]), data)


def test_the_unsaved_title_and_body_are_shown_and_nothing_is_stored(client, editor, article):
    client.force_login(editor)
    data = article_form(client, article)
    # The editor has started typing: the preview must not touch her lock either.
    client.post(reverse("admin:content_article_lock", args=[article.pk]))
    before = stored(article)
    assert before[2], "starting to edit holds the article"
    response = preview_article(
        client,
        article,
        data,
        title_ar="عنوان لم يُحفظ بعد",
        body_ar="## فقرة جديدة\n\nنص كتبه المحرر الآن.",
        preview_language="ar",
    )
    assert response.status_code == 200
    page = framed(response)
    assert "<h1>عنوان لم يُحفظ بعد</h1>" in page
    assert "نص كتبه المحرر الآن." in page and 'dir="rtl"' in page
    assert "noindex" in page
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert stored(article) == before


def test_the_english_page_and_the_phone_width_are_reachable(client, editor, article):
    client.force_login(editor)
    response = preview_article(
        client,
        article,
        title_en="An unsaved English title",
        preview_language="en",
        preview_device="phone",
    )
    page = framed(response)
    assert "<h1>An unsaved English title</h1>" in page and 'dir="ltr"' in page
    assert 'width="375"' in response.content.decode()
    # The option buttons send the same text again: the typed title travels with them.
    wrapper = response.content.decode()
    assert 'value="An unsaved English title"' in wrapper
    assert 'name="preview_language" value="ar"' in wrapper
    # No script runs in the draft and its forms (feedback, search) send nothing.
    assert '<iframe sandbox="allow-same-origin"' in wrapper


@pytest.mark.parametrize("code", ["ar", "en"])
def test_the_preview_matches_the_body_editors_own_preview(
    client, editor, article, clinic_profile, code
):
    """A long body (its "On this page" list) with the clinic's telephone written in."""
    client.force_login(editor)
    body = "\n\n".join(f"## Part {n}\n\nA **firm** line. Call {{clinic_phone}}." for n in (1, 2, 3))
    page = framed(preview_article(client, article, **{f"body_{code}": body}, preview_language=code))
    inline = client.post(reverse("body_preview"), {"text": body, "language": code}).json()
    assert 'class="toc"' in inline["html"] and "{clinic_phone}" not in inline["html"]
    assert inline["html"] in page


@pytest.mark.parametrize(
    ("code", "required"), [("ar", "هذا الحقل مطلوب."), ("en", "This field is required.")]
)
def test_invalid_input_is_refused_in_the_staff_members_language(
    client, editor, article, code, required
):
    StaffPreference.objects.create(user=editor, admin_language=code)
    client.force_login(editor)
    data = article_form(client, article)
    before = stored(article)
    response = preview_article(client, article, data, title_ar="", preview_language="en")
    assert response.status_code == 400
    text = response.content.decode()
    assert f'lang="{code}"' in text
    assert 'id="live-preview-errors"' in text and required in text
    assert "srcdoc" not in text
    assert stored(article) == before


def test_a_user_who_may_not_change_the_article_is_refused(
    client, article, django_user_model, editor
):
    client.force_login(editor)
    data = form_of(
        client, reverse("admin:content_article_change", args=[article.pk]), "article_form"
    )
    url = reverse("admin:content_article_live_preview", args=[article.pk])
    reception = django_user_model.objects.create_user(
        username="reception", password="a-long-test-password-42", is_staff=True
    )
    client.force_login(reception)
    assert client.post(url, data).status_code == 403
    visitor = django_user_model.objects.create_user(
        username="visitor", password="a-long-test-password-42"
    )
    client.force_login(visitor)
    assert client.post(url, data).status_code == 302  # to the admin's sign-in page
    client.logout()
    assert client.post(url, data).status_code == 302


def test_the_preview_takes_no_get(client, editor, article):
    client.force_login(editor)
    url = reverse("admin:content_article_live_preview", args=[article.pk])
    assert client.get(url).status_code == 405


def test_the_preview_is_csrf_protected(editor, article):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)
    url = reverse("admin:content_article_live_preview", args=[article.pk])
    assert browser.post(url, {"title_ar": "x"}).status_code == 403


def test_a_page_is_previewed_unsaved_without_a_sign_off_request(client, editor, about_page):
    client.force_login(editor)
    change = reverse("admin:content_page_change", args=[about_page.pk])
    data = form_of(client, change, "page_form")
    assert 'id="live-preview-button"' in client.get(change).content.decode()
    data.update(title_en="About us, unsaved", body_en="A sentence not yet saved.")
    before = (ChangeRequest.objects.count(), Page.objects.get(pk=about_page.pk).title_en)
    url = reverse("admin:content_page_live_preview", args=[about_page.pk])
    response = client.post(url, {**data, "preview_language": "en"})
    assert response.status_code == 200
    page = framed(response)
    assert "About us, unsaved" in page and "A sentence not yet saved." in page
    assert (ChangeRequest.objects.count(), Page.objects.get(pk=about_page.pk).title_en) == before
    arabic = framed(client.post(url, {**data, "preview_language": "ar"}))
    assert about_page.title_ar in arabic and 'dir="rtl"' in arabic


def test_a_page_preview_is_refused_to_staff_who_may_not_change_pages(
    client, editor, about_page, django_user_model
):
    client.force_login(editor)
    data = form_of(client, reverse("admin:content_page_change", args=[about_page.pk]), "page_form")
    reception = django_user_model.objects.create_user(
        username="reception", password="a-long-test-password-42", is_staff=True
    )
    client.force_login(reception)
    url = reverse("admin:content_page_live_preview", args=[about_page.pk])
    assert client.post(url, data).status_code == 403
    assert client.post(reverse("admin:content_page_live_preview_new"), data).status_code == 403


def test_a_new_article_and_a_new_page_are_previewed_before_they_exist(
    client, editor, article_form, about_page
):
    client.force_login(editor)
    add = client.get(reverse("admin:content_article_add")).content.decode()
    assert 'id="live-preview-button"' in add
    counts = (Article.objects.count(), Revision.objects.count(), Page.objects.count())
    url = reverse("admin:content_article_live_preview_new")
    response = client.post(url, {**article_form, "preview_language": "ar"})
    assert response.status_code == 200
    assert "<h1>مقالة جديدة</h1>" in framed(response)
    page_url = reverse("admin:content_page_live_preview_new")
    assert (
        'id="live-preview-button"' in client.get(reverse("admin:content_page_add")).content.decode()
    )
    page = {
        "title_ar": "صفحة جديدة",
        "title_en": "A new page",
        "slug_ar": "صفحة-جديدة",
        "slug_en": "a-new-page",
        "body_ar": "نص الصفحة.",
        "body_en": "The page's text.",
        "preview_language": "en",
    }
    shown = client.post(page_url, page)
    assert shown.status_code == 200, shown.content.decode()[:2000]
    assert "<h1>A new page</h1>" in framed(shown)
    assert (Article.objects.count(), Revision.objects.count(), Page.objects.count()) == counts
    assert not ChangeRequest.objects.exists()


def test_a_newer_version_saved_meanwhile_does_not_stop_the_preview(client, editor, article):
    from editorial.workflow import save_revision, snapshot_of_row

    client.force_login(editor)
    data = article_form(client, article)
    # Someone else saves a newer version after the form was opened: saving would be
    # refused, previewing is not.
    save_revision(article, {**snapshot_of_row(article), "title_en": "Theirs"}, editor)
    response = preview_article(client, article, data, title_en="Mine", preview_language="en")
    assert response.status_code == 200
    assert "<h1>Mine</h1>" in framed(response)
