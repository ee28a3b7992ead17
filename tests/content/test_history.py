"""Every saved version of an article is kept; staff compare two and revert to one."""

import pytest
from django.urls import reverse
from django.utils import translation

from content.models import Article
from tests.forms import form_data

pytestmark = pytest.mark.django_db


def test_edit_publish_then_revert_an_article_in_both_languages(client, editor, doctor, article):
    original = article.live_revision.content
    client.force_login(editor)
    change_url = reverse("admin:content_article_change", args=[article.pk])
    data = form_data(client.get(change_url).content.decode(), "article_form")
    data.update(
        {
            "title_ar": "عنوان عدّله المحرر",
            "title_en": "A title the editor changed",
            "body_ar": "## نص جديد\r\n\r\nكتب المحرر نصًا آخر.",
            "_submit": "1",
        }
    )
    assert client.post(change_url, data).status_code == 302
    article.refresh_from_db()
    assert article.title_en == original["title_en"]  # still the live text
    assert article.latest_revision.content["body_ar"] == "## نص جديد\n\nكتب المحرر نصًا آخر."

    history = client.get(reverse("admin:content_article_history", args=[article.pk]))
    html = history.content.decode()
    assert history.status_code == 200
    compare = reverse(
        "admin:content_article_compare",
        args=[article.pk, article.live_revision_id, article.latest_revision_id],
    )
    assert compare in html
    page = client.get(compare, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "<ins>عنوان عدّله المحرر</ins>" in page and "العنوان (العربية)" in page

    revert = reverse("admin:content_article_revert", args=[article.pk, article.live_revision_id])
    assert client.post(revert).status_code == 302
    article.refresh_from_db()
    assert article.latest_revision.content["title_ar"] == original["title_ar"]
    for code in ("ar", "en"):
        with translation.override(code):
            html = client.get(article.get_absolute_url()).content.decode()
        assert original[f"title_{code}"] in html


def test_saving_unchanged_text_with_crlf_records_no_change(client, editor, article):
    client.force_login(editor)
    change_url = reverse("admin:content_article_change", args=[article.pk])
    data = form_data(client.get(change_url).content.decode(), "article_form")
    data["body_ar"] = data["body_ar"].replace("\n", "\r\n")  # as a browser sends it
    assert "\r\n" in data["body_ar"]
    response = client.post(change_url, data, HTTP_ACCEPT_LANGUAGE="en", follow=True)
    assert "Nothing changed" in response.content.decode()
    assert article.revisions.count() == 1
    assert article.history.count() == 1  # the live row was not saved either
    data["body_ar"] += "\r\nسطر جديد."
    client.post(change_url, data)
    assert article.revisions.count() == 2


def test_history_records_every_language(article):
    article.title_en = "Changed in English only"
    article.save()
    before, after = article.history.order_by("history_id")
    assert before.title_en != after.title_en
    assert before.title_ar == after.title_ar == article.title_ar
    assert Article.history.model._meta.get_field("body_ar")
