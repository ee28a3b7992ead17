"""Clinic staff edit articles in both languages in the admin, without a developer."""

import re

import pytest
from django.utils import translation

from content.models import Article

pytestmark = pytest.mark.django_db


def test_add_page_has_language_tabs_and_rtl_arabic_inputs(client, editor, category):
    client.force_login(editor)
    html = client.get("/admin/content/article/add/").content.decode()
    assert re.search(r'<input[^>]*name="title_ar"[^>]*dir="rtl"', html) or re.search(
        r'<input[^>]*dir="rtl"[^>]*name="title_ar"', html
    )
    assert re.search(
        r'<textarea[^>]*dir="rtl"[^>]*name="body_ar"|<textarea[^>]*name="body_ar"[^>]*dir="rtl"',
        html,
    )
    assert re.search(
        r'<input[^>]*name="title_en"[^>]*dir="ltr"|<input[^>]*dir="ltr"[^>]*name="title_en"', html
    )
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in html
    assert "modeltranslation/js/tabbed_translation_fields.js" in html
    scripts = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert scripts and all(not re.match(r"(https?:)?//", url) for url in scripts)


def test_editor_adds_and_a_reviewer_publishes_an_article_in_both_languages(
    client, editor, doctor, article_form
):
    client.force_login(editor)
    response = client.post(
        "/admin/content/article/add/",
        article_form
        | {
            "_submit": "1",
            "title_ar": "مقالة من المحرر",
            "title_en": "An editor's article",
            "slug_ar": "مقالة-من-المحرر",
            "slug_en": "an-editors-article",
            "body_ar": "نص **المقالة**.",
            "body_en": "The **article** text.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get(slug_en="an-editors-article")
    assert article.title_ar == "مقالة من المحرر"
    assert client.get(article.get_absolute_url()).status_code == 404  # not live yet
    client.force_login(doctor)
    review = f"/admin/content/article/{article.pk}/review/{article.latest_revision_id}/"
    assert client.post(review, {"_approve": "1"}).status_code == 302
    client.logout()
    html_ar = client.get(article.get_absolute_url()).content.decode()
    assert "<h1>مقالة من المحرر</h1>" in html_ar and "<strong>المقالة</strong>" in html_ar
    with translation.override("en"):
        html_en = client.get(article.get_absolute_url()).content.decode()
    assert "<h1>An editor&#x27;s article</h1>" in html_en


def test_editor_changes_an_existing_article(client, editor, article):
    client.force_login(editor)
    page = client.get(f"/admin/content/article/{article.pk}/change/")
    assert page.status_code == 200
    assert article.title_ar in page.content.decode()


def test_review_due_filter(client, editor, make_article):
    from datetime import date, timedelta

    overdue = make_article(next_review_due=date.today() - timedelta(days=1))
    fine = make_article(next_review_due=date.today() + timedelta(days=200))
    client.force_login(editor)
    html = client.get("/admin/content/article/?review=overdue").content.decode()
    assert overdue.title_ar in html
    assert fine.title_ar not in html


@pytest.mark.parametrize(
    "url", ["/admin/auth/user/", "/admin/auth/user/add/", "/admin/auth/group/"]
)
def test_editor_group_cannot_touch_users_or_groups(client, editor, url):
    client.force_login(editor)
    assert client.get(url).status_code == 403


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get("/admin/content/article/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
