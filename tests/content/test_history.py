"""Every change to an article is kept; staff see earlier versions and restore one."""

import pytest
from django.urls import reverse
from django.utils import translation

from content.models import Article
from tests.hardening.forms import form_data

pytestmark = pytest.mark.django_db

TRANSLATED = ["title", "slug", "summary", "body"]


def translated_values(article):
    return {
        f"{f}_{code}": getattr(article, f"{f}_{code}") for f in TRANSLATED for code in ["ar", "en"]
    }


def test_staff_edit_then_restore_an_article_in_both_languages(client, editor, article):
    original = translated_values(article)
    client.force_login(editor)
    change_url = reverse("admin:content_article_change", args=[article.pk])

    data = form_data(client.get(change_url).content.decode(), "article_form")
    data.update(
        {
            "title_ar": "عنوان عدّله المحرر",
            "title_en": "A title the editor changed",
            "body_ar": "## نص جديد\n\nكتب المحرر نصًا آخر.",
            "body_en": "## New text\n\nThe editor wrote something else.",
        }
    )
    assert client.post(change_url, data).status_code == 302
    article.refresh_from_db()
    assert article.title_en == "A title the editor changed"
    assert article.history.count() == 2

    history = client.get(reverse("admin:content_article_history", args=[article.pk]))
    assert history.status_code == 200
    first = article.history.earliest()
    revert_url = reverse("admin:content_article_simple_history", args=[article.pk, first.pk])
    assert revert_url in history.content.decode()
    # The earlier version, as the history page shows it: the form filled with its values.
    page = client.get(revert_url)
    assert page.status_code == 200
    old = form_data(page.content.decode(), "historicalarticle_form")
    assert old["title_ar"] == original["title_ar"] and old["body_en"] == original["body_en"]
    assert client.post(revert_url, old).status_code == 302

    article.refresh_from_db()
    assert translated_values(article) == original
    assert article.history.count() == 3
    latest = article.history.latest()
    assert latest.history_user == editor
    assert (latest.title_ar, latest.title_en) == (original["title_ar"], original["title_en"])
    for code in ("ar", "en"):
        with translation.override(code):
            html = client.get(article.get_absolute_url()).content.decode()
        assert original[f"title_{code}"] in html


def test_history_records_every_language(article):
    article.title_en = "Changed in English only"
    article.save()
    before, after = article.history.order_by("history_id")
    assert before.title_en != after.title_en
    assert before.title_ar == after.title_ar == article.title_ar
    assert Article.history.model._meta.get_field("body_ar")
