"""What patients type finds the right page first, in both languages, on the real corpus;
corrections know the language; staff find words that are only in a draft."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from content.models import Article
from search.models import Synonym

from .searching import search

pytestmark = pytest.mark.django_db

# (query, the corpus key of the page that must come first)
ARABIC = [
    ("كم سعر الجلسة", "cost-and-choosing-a-doctor"),
    ("كم سعر الميزوثيرابي", "cost-and-choosing-a-doctor"),
    # D17: the page that explains fillers and Botox (its heading names both) comes
    # before the one staff linked, which mentions them once, as other treatments.
    ("بوتوكس", "type-skin-radiance"),
    ("البوتوكس", "type-skin-radiance"),
    ("فيلر", "type-skin-radiance"),
    ("مواد الملء", "type-cosmetic-rejuvenation"),
    ("إبر النضارة", "type-skin-radiance"),
    ("ابر النضارة", "type-skin-radiance"),
    ("مميعات الدم", "who-should-not-have-it"),
    ("العناية بعد الجلسة", "aftercare"),
]
ENGLISH = [
    ("how much does it cost", "cost-and-choosing-a-doctor"),
    ("how much is a session", "cost-and-choosing-a-doctor"),
    ("price", "cost-and-choosing-a-doctor"),
    ("after care", "aftercare"),
    ("aftercare", "aftercare"),
    ("botox", "type-skin-radiance"),
    ("Botox", "type-skin-radiance"),
    ("filler", "type-skin-radiance"),
    ("dermal fillers", "type-cosmetic-rejuvenation"),
    ("skin boosters", "type-skin-radiance"),
    ("blood thinners", "who-should-not-have-it"),
]


@pytest.fixture
def corpus():
    call_command("load_corpus", verbosity=0)


def first(query, language):
    results = search(query, language)
    return results.hits[0]["article"].corpus_key if results.hits else None


@pytest.mark.parametrize(("language", "cases"), [("ar", ARABIC), ("en", ENGLISH)])
def test_lay_words_find_the_right_page_first(corpus, language, cases):
    misses = [
        f"{query!r}: wanted {key}, got {found}"
        for query, key in cases
        if (found := first(query, language)) != key
    ]
    assert not misses, "\n".join(misses)


def test_two_words_find_what_one_does(corpus):
    assert [h["article"] for h in search("after care", "en").hits[:1]] == [
        h["article"] for h in search("aftercare", "en").hits[:1]
    ]


def test_a_lay_word_finds_its_page_even_when_the_text_never_uses_it(corpus):
    page = Article.objects.get(corpus_key="type-cosmetic-rejuvenation")
    page.body_ar = page.body_en = "نص جديد. New text."
    page.save()
    for query, language in (("بوتوكس", "ar"), ("botox", "en")):
        found = [hit["article"].corpus_key for hit in search(query, language).hits]
        # Only the page whose heading names the word comes before the linked one (D17).
        assert found[:2] == ["type-skin-radiance", page.corpus_key], (language, found)


# D17: a lay word («بوتوكس», "botox") also finds pages through wider synonyms
# («التجاعيد», "wrinkles"); the pages that use the word itself come first, and their
# excerpts show it.
LAY_WORDS = [("ar", "بوتوكس", "بوتوكس"), ("en", "botox", "botox")]


@pytest.mark.parametrize(("language", "query", "word"), LAY_WORDS)
def test_pages_that_use_a_lay_word_come_before_pages_found_through_its_synonyms(
    corpus, language, query, word
):
    hits = search(query, language).hits
    uses = [word in getattr(hit["article"], f"body_{language}").casefold() for hit in hits]
    assert True in uses and False in uses  # both kinds are found
    assert uses == sorted(uses, reverse=True), [hit["article"].corpus_key for hit in hits]


@pytest.mark.parametrize(("language", "query", "word"), LAY_WORDS)
def test_the_excerpt_shows_the_lay_word_where_the_page_uses_it(
    client, corpus, language, query, word
):
    marked = re.compile(rf"<mark>[^<]*{word}[^<]*</mark>", re.IGNORECASE)
    hits = search(query, language).hits
    using = [h for h in hits if word in getattr(h["article"], f"body_{language}").casefold()]
    assert len(using) >= 3
    for hit in using:
        assert marked.search(hit["snippet"]), (hit["article"].corpus_key, hit["snippet"])
    # As the results page shows it: the linked page's excerpt names the word too.
    html = client.get(f"/{language}/search/", {"q": query}).content.decode()
    rejuvenation = Article.objects.get(corpus_key="type-cosmetic-rejuvenation")
    item = html.split(f">{getattr(rejuvenation, f'title_{language}')}</a>")[1].split("</li>")[0]
    assert marked.search(item), item


def test_staff_can_unlink_a_page_from_a_lay_word(corpus, admin_client):
    synonym = Synonym.objects.get(language="en", term="botox")
    assert list(synonym.pages.values_list("corpus_key", flat=True)) == [
        "type-cosmetic-rejuvenation"
    ]
    url = reverse("admin:search_synonym_change", args=[synonym.pk])
    response = admin_client.post(
        url, {"language": "en", "term": "botox", "matches": "wrinkles", "pages": []}
    )
    assert response.status_code == 302
    assert not synonym.pages.exists()


@pytest.mark.parametrize(
    ("language", "real"), [("en", "shower"), ("ar", "أستحم"), ("en", "showering")]
)
def test_real_words_are_never_corrected_into_other_words(client, corpus, language, real):
    results = search(real, language)
    assert results.suggestion == "" and not results.corrected
    html = client.get(f"/{language}/search/", {"q": real}).content.decode()
    assert 'class="search-suggestion"' not in html


@pytest.mark.parametrize(
    ("language", "typo", "fixed"),
    [("en", "side efects", "side effects"), ("en", "celullite", "cellulite")],
)
def test_a_misspelling_is_corrected_when_the_correction_finds_far_more(
    client, corpus, language, typo, fixed
):
    results = search(typo, language)
    assert results.suggestion == fixed and results.corrected
    html = client.get(f"/{language}/search/", {"q": typo}).content.decode()
    assert "Showing the pages for" in html and fixed in html


def test_staff_find_words_that_are_only_in_a_draft(corpus, admin_user, admin_client):
    from editorial.workflow import editing_snapshot, save_revision

    page = Article.objects.get(corpus_key="aftercare")
    url = reverse("admin:content_article_changelist")
    assert page.title_en not in admin_client.get(url, {"q": "zorbitrax"}).content.decode()
    draft = dict(editing_snapshot(page))
    draft["body_en"] = draft["body_en"] + "\n\nAvoid the zorbitrax for a day."
    draft["body_ar"] = draft["body_ar"] + "\n\nتجنّب الزوربيتراكس يومًا."
    save_revision(page, draft, admin_user)
    for query in ("zorbitrax", "الزوربيتراكس"):
        html = admin_client.get(url, {"q": query}).content.decode()
        assert page.title_ar in html, query
    # The public search reads only what is published.
    assert search("zorbitrax", "en").hits == []
