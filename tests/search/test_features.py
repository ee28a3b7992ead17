"""Synonyms staff can edit, "Did you mean", the other language's results, the admin search."""

import pytest
from django.urls import reverse

from content.models import Article
from search.models import Synonym

from .searching import search

pytestmark = pytest.mark.django_db


def keys(results):
    return [hit["article"] for hit in results.hits]


@pytest.fixture
def pages(make_article):
    return {
        "bruising": make_article(
            title_ar="الكدمات بعد الحقن",
            title_en="Bruising after injections",
            body_ar="قد تظهر كدمات صغيرة في موضع الحقن وتزول خلال أيام.",
            body_en="Small bruises may show where the needle went in; they fade in days.",
        ),
        "cellulite": make_article(
            title_ar="الميزوثيرابي لعلاج السيلوليت",
            title_en="Mesotherapy for cellulite",
            body_ar="يظهر الجلد المتنقّر على الفخذين.",
            body_en="Dimpled skin on the thighs.",
        ),
    }


def test_a_lay_word_finds_pages_through_a_synonym_staff_add(pages, admin_client):

    Synonym.objects.filter(term="ازرقاق").delete()
    assert keys(search("ازرقاق", "ar")) == []
    response = admin_client.post(
        reverse("admin:search_synonym_add"),
        {"language": "ar", "term": "ازرقاق", "matches": "كدمات\nنزف تحت الجلد"},
    )
    assert response.status_code == 302
    assert keys(search("ازرقاق", "ar")) == [pages["bruising"]]
    Synonym.objects.filter(language="en", term="black and blue").delete()
    Synonym.objects.create(language="en", term="black and blue", matches="bruises")
    assert keys(search("black and blue", "en")) == [pages["bruising"]]


def test_the_seeded_synonyms_cover_what_patients_type(db):
    seeded = {(s.language, s.term) for s in Synonym.objects.all()}
    for term in ("أضرار", "تخسيس", "تنحيف", "بنج", "مدة التعافي", "مميعات الدم", "تساقط الشعر"):
        assert ("ar", term) in seeded, term
    for term in ("risks", "weight loss", "anesthetic", "recovery", "blood thinners", "price"):
        assert ("en", term) in seeded, term
    assert ("ar", "ميسوثيرابي") in seeded and ("en", "mesotheraphy") in seeded


@pytest.mark.parametrize(
    ("language", "typo", "word"), [("ar", "سليوليت", "السيلوليت"), ("en", "celullite", "cellulite")]
)
def test_a_misspelt_word_is_corrected_and_its_pages_shown(client, pages, language, typo, word):
    results = search(typo, language)
    assert results.suggestion == word and results.corrected
    assert keys(results) == [pages["cellulite"]]
    html = client.get(f"/{language}/search/", {"q": typo}).content.decode()
    assert results.suggestion_url.replace("&", "&amp;") in html
    assert ("وهذه نتائج البحث عن" if language == "ar" else "Showing the pages for") in html


def test_a_word_that_finds_something_is_left_alone(pages):
    results = search("cellulite", "en")
    assert results.suggestion == "" and not results.corrected


def test_a_query_in_the_other_language_points_to_its_results(client, pages):
    html = client.get("/ar/search/", {"q": "bruising"}).content.decode()
    assert 'href="/en/search/?q=bruising"' in html
    assert "توجد صفحة واحدة باللغة الإنجليزية تطابق بحثك" in html
    html = client.get("/en/search/", {"q": "الكدمات"}).content.decode()
    assert "1 page in Arabic matches your search" in html
    assert 'lang="ar" hreflang="ar" dir="rtl"' in html


def test_some_words_are_enough_when_no_page_has_all(client, pages):
    results = search("bruising thighs", "en")
    assert results.partial and set(keys(results)) == {pages["bruising"], pages["cellulite"]}
    html = client.get("/en/search/", {"q": "bruising thighs"}).content.decode()
    assert "No page has every word you typed" in html


def test_synonyms_are_highlighted_in_snippets(client, pages):
    Synonym.objects.update_or_create(language="en", term="bruise", defaults={"matches": "bruising"})
    html = client.get("/en/search/", {"q": "bruise"}).content.decode()
    assert "<mark>bruises</mark>" in html


def test_the_admin_article_search_uses_the_index_in_both_languages(admin_client, pages):
    url = reverse("admin:content_article_changelist")
    for query in ("بالكدمات", "كدمة", "bruised", "BRUISES", "الكدمات بعد"):
        html = admin_client.get(url, {"q": query}).content.decode()
        assert pages["bruising"].title_ar in html, query
        assert pages["cellulite"].title_ar not in html, query
    html = admin_client.get(url, {"q": "سيلوليت"}).content.decode()
    assert pages["cellulite"].title_ar in html


def test_the_index_follows_edits_and_deletions(pages):
    page = pages["bruising"]
    page.body_en = "Now only about swelling."
    page.title_en = "Swelling"
    page.save()
    assert keys(search("bruising", "en")) == []
    assert keys(search("swelling", "en")) == [page]
    page.delete()
    assert keys(search("swelling", "en")) == []


def test_unpublished_articles_are_never_found(pages):
    pages["cellulite"].status = Article.Status.DRAFT
    pages["cellulite"].save()
    assert keys(search("cellulite", "en")) == []
    assert search("cellulite", "en").other_count == 0
