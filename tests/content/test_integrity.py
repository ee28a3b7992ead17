"""Two pages can never share an address, and a page never claims a review that did not happen."""

import json
import re

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from content.checks import check_named_reviewers
from content.models import Article, Category

pytestmark = pytest.mark.django_db


def test_admin_refuses_a_second_article_with_the_same_address(
    client, editor, article, article_form
):
    client.force_login(editor)
    data = article_form | {"category": article.category.pk, "slug_en": article.slug_en}
    response = client.post("/admin/content/article/add/", data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200  # the form again, with its message
    assert "Another entry already uses this slug." in response.content.decode()
    assert Article.objects.count() == 1


def test_the_same_slug_is_fine_in_another_section(client, editor, article, article_form):
    other = Category.objects.create(name_ar="قسم", name_en="Other", slug_ar="قسم", slug_en="other")
    client.force_login(editor)
    data = article_form | {"category": other.pk, "slug_en": article.slug_en}
    assert client.post("/admin/content/article/add/", data).status_code == 302
    assert Article.objects.filter(slug_en=article.slug_en).count() == 2


def test_database_refuses_duplicate_section_addresses(category):
    with pytest.raises(IntegrityError), transaction.atomic():
        Category.objects.create(name_ar="ب", name_en="B", slug_ar="ب", slug_en=category.slug_en)
    # Drafts may leave the English slug empty: empty slugs do not collide.
    Category.objects.create(name_ar="ج", slug_ar="ج", slug_en="")
    Category.objects.create(name_ar="د", slug_ar="د", slug_en="")


@pytest.mark.parametrize("slug", ["search", "screener", "about", "page"])
def test_a_section_cannot_take_the_address_of_another_page(client, editor, slug):
    client.force_login(editor)
    response = client.post(
        "/admin/content/category/add/",
        {"name_ar": "قسم", "name_en": "Section", "slug_ar": "قسم", "slug_en": slug, "order": "1"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "is the address of another page of the site" in response.content.decode()
    assert not Category.objects.exists()


def review_box(html):
    return html[html.index('id="review-heading"') : html.index("</dl>")]


def json_ld(html):
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return json.loads(found.group(1))


def test_a_named_reviewer_is_shown_with_credentials_in_each_language(client, article):
    box = review_box(client.get(article.get_absolute_url()).content.decode())
    # An Arabic comma between name and credentials.
    assert "د. سلمى حداد، طبيبة جلدية" in box
    assert "آخر مراجعة" in box
    with translation.override("en"):
        html = client.get(article.get_absolute_url()).content.decode()
    assert "Dr Salma Haddad, Dermatologist" in review_box(html)
    data = json_ld(html)
    assert data["reviewedBy"]["name"] == "Dr Salma Haddad"
    assert data["lastReviewed"] == "2026-11-01"


def test_a_stand_in_reviewer_is_not_presented_as_a_review(client, article, reviewer):
    reviewer.is_placeholder = True
    reviewer.save()
    with translation.override("en"):
        html = client.get(article.get_absolute_url()).content.decode()
    box = review_box(html)
    assert "Pending: a named doctor has not yet reviewed this page." in box
    assert "Dr Salma Haddad" not in box and "Last reviewed" not in box
    assert "Last checked against its sources" in box
    data = json_ld(html)
    assert "reviewedBy" not in data and "lastReviewed" not in data
    box_ar = review_box(client.get(article.get_absolute_url()).content.decode())
    assert "لم تتم المراجعة" in box_ar and "د. سلمى حداد" not in box_ar


def test_deployment_check_warns_while_a_stand_in_reviewer_is_published(article, reviewer):
    assert check_named_reviewers() == []
    reviewer.is_placeholder = True
    reviewer.save()
    warnings = check_named_reviewers()
    assert [w.id for w in warnings] == ["content.W001"]
    assert "1 published article" in warnings[0].msg
    Article.objects.update(status=Article.Status.DRAFT)
    assert check_named_reviewers() == []


def test_the_starter_corpus_reviewer_is_marked_as_a_stand_in():
    from django.core.management import call_command

    call_command("load_corpus", verbosity=0)
    article = Article.objects.published().select_related("reviewer").first()
    assert article.reviewer.is_placeholder


def test_latin_source_titles_are_marked_left_to_right_on_arabic_pages(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<span lang="en" dir="ltr">Mesotherapy: a review. Journal of Testing, 2020.</span>' in (
        html
    )


def test_deployment_check_finds_a_cache_it_cannot_write(tmp_path):
    from django.test import override_settings

    from content.checks import check_cache_writable

    assert check_cache_writable() == []
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    backend = "django.core.cache.backends.filebased.FileBasedCache"
    with override_settings(CACHES={"default": {"BACKEND": backend, "LOCATION": str(blocked)}}):
        assert [error.id for error in check_cache_writable()] == ["content.E002"]
