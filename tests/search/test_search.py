"""Site search: normalisation and stemming, matching and ranking, the results page."""

import pytest
from django.utils import translation

from content.models import Article
from search.query import parse
from search.text import normalise_characters, stems, words

from .searching import search

pytestmark = pytest.mark.django_db


def forms(text, language):
    """Every searchable form of the words of `text`, in order."""
    return [form for _word, found, _start, _end in words(text, language) for form in found]


def wanted(query, language):
    return set().union(*(term.all_forms() for term in parse(query, language)))


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("الميزوثيرابى", "الميزوثيرابي"),  # ى → ي
        ("إبرة", "ابره"),  # إ → ا, ة → ه
        ("أنسولين", "انسولين"),
        ("آثار", "اثار"),
        ("مُحَمَّد", "محمد"),  # diacritics removed
        ("الحـقـن", "الحقن"),  # tatweel removed
        ("ﺍﻟﻤﻴﺰﻭﺛﻴﺮﺍﺑﻲ", "الميزوثيرابي"),  # presentation forms
        ("ﻻﺯﻡ", "لازم"),  # the lam-alef ligature
        ("ميزو\u200cثيرابي", "ميزوثيرابي"),  # zero-width non-joiner
        ("\u200fميزو\u200dثيرا\u00adبي\u200f", "ميزوثيرابي"),  # RLM, ZWJ, soft hyphen
        ("٤٥", "45"),  # Arabic-Indic digits
        ("۱۲", "12"),  # Eastern Arabic-Indic digits
        ("Ｍｅｓｏｔｈｅｒａｐｙ", "mesotherapy"),  # full-width
        ("ﬁnasteride", "finasteride"),  # the fi ligature
    ],
)
def test_characters_are_evened_out_before_stemming(written, expected):
    assert normalise_characters(written) == expected


@pytest.mark.parametrize(
    ("language", "inflected"),
    [
        ("en", ["bruise", "bruises", "bruising", "bruised", "Bruises"]),
        ("en", ["injection", "injections", "Injected", "INJECTING"]),
        ("en", ["therapy", "therapies"]),
        ("ar", ["الكدمات", "كدمة", "كدمات", "بالكدمات", "والكدمات"]),
        ("ar", ["الحقن", "حقن", "حقنة", "الحقنة"]),
        ("ar", ["الميزوثيرابي", "ميزوثيرابي", "بالميزوثيرابي", "وبالميزوثيرابي"]),
        ("ar", ["الحمل", "حمل", "للحمل", "وللحمل", "والحمل"]),
    ],
)
def test_inflected_forms_share_a_stem(language, inflected):
    """The Snowball stemmer of each language gives every inflected form a common stem."""
    shared = set(forms(inflected[0], language))
    for word in inflected[1:]:
        shared &= set(forms(word, language))
    assert shared, inflected


def test_text_and_query_go_through_the_same_stemmer():
    text = [set(found) for _w, found, _s, _e in words("عن الميزوثيرابى، وفيناسترايد!", "ar")]
    query = [set(found) for _w, found, _s, _e in words("ميزوثيرابي الفيناسترايد", "ar")]
    assert len(text) == len(query) == 2  # عن is a stop word
    assert all(t & q for t, q in zip(text, query, strict=True))
    assert stems("Bruising and injections", "en") == "bruis inject"
    assert stems("...", "ar") == ""


def test_no_hand_written_stripping_is_left():
    import inspect

    import search.text

    source = inspect.getsource(search.text)
    assert "Stemmer" in source
    for gone in ("strip_english_plural", "ARABIC_PREFIXES", "arabic_stems"):
        assert gone not in source


@pytest.fixture
def corpus(make_article):
    """Three published articles and a draft, with words in the title, summary or body."""
    return {
        "title": make_article(
            title_ar="ما هي الميزوثيرابي؟",
            title_en="What is mesotherapy?",
            body_en="Small injections into the middle layer of the skin.",
        ),
        "summary": make_article(
            title_ar="الجلسة",
            title_en="The session",
            summary_ar="كيف تجري جلسة ميزوثيرابى واحدة.",
            summary_en="How one Mesotherapy session goes.",
        ),
        "body": make_article(
            title_ar="الشعر",
            title_en="Hair",
            body_ar="## العلاج\n\nتُستعمل الميزوثيرابي مع الفيناسترايد لتساقط الشعر.",
            body_en="## Treatment\n\nMesotherapy is used with finasteride for hair loss.",
        ),
        "draft": make_article(
            status=Article.Status.DRAFT,
            title_ar="مسودة عن الميزوثيرابي",
            title_en="Draft about mesotherapy",
        ),
    }


def found(query, language):
    results = search(query, language)
    # Only the pages with every word: not those of a correction or of some of the words,
    # nor this language's pages of what the other language's search found (J1-5).
    if results.corrected or results.partial or results.translated:
        return []
    return [hit["article"] for hit in results.hits]


@pytest.mark.parametrize(
    "query",
    [
        "الميزوثيرابى",
        "ميزوثيرابي",
        "الميزوثيرابي",
        "وبالميزوثيرابي",  # و + ب + ال
        "وللميزوثيرابي",  # و + ل + ال, written لل
        "ﺍﻟﻤﻴﺰﻭﺛﻴﺮﺍﺑﻲ",  # Arabic presentation forms
        "ميزو\u200cثيرابي",  # zero-width non-joiner inside the word
        "الميزو\u200dثيرابي",  # zero-width joiner
        "\u200fالميزو\u200fثيرابي",  # right-to-left marks
    ],
)
def test_arabic_spellings_find_the_same_pages_best_first(corpus, query):
    assert found(query, "ar") == [corpus["title"], corpus["summary"], corpus["body"]]


@pytest.mark.parametrize("query", ["فيناسترايد", "الفيناسترايد", "بالفيناسترايد"])
def test_finasteride_with_or_without_the_article(corpus, query):
    assert found(query, "ar") == [corpus["body"]]


@pytest.mark.parametrize(
    "query", ["mesotherapy", "MESOTHERAPY", "Mesotherapies", "ｍｅｓｏｔｈｅｒａｐｙ", "ＭＥＳＯ"]
)
def test_english_ignores_case_and_plurals(corpus, query):
    assert found(query, "en") == [corpus["title"], corpus["summary"], corpus["body"]]


@pytest.mark.parametrize("query", ["finasteride", "ﬁnasteride", "ＦＩＮＡＳＴＥＲＩＤＥ"])
def test_compatibility_characters_are_evened_out(corpus, query):
    assert found(query, "en") == [corpus["body"]]


@pytest.fixture
def prefixed_words(make_article):
    """Pairs of articles: one with a word after ال (or ل + ال), one with the bare word.

    The first letter of each of these words (ا و ب) looks like a prefix but belongs
    to the word, so it must not be dropped.
    """
    texts = {
        "inflammation": "قد يظهر الالتهاب بعد الجلسة.",
        "inflammation-bare": "التهاب خفيف في موضع الحقن.",
        "heredity": "تلعب الوراثة دورا في تساقط الشعر.",
        "heredity-bare": "وراثة الصلع من الأب أو الأم.",
        "proteins": "تحتوي المادة على البروتينات.",
        "proteins-bare": "بروتينات وأحماض أمينية.",
        "fibres": "تناول الألياف مفيد.",
        "fibres-bare": "ألياف غذائية.",
        "pregnancy": "لا تجرى الجلسة أثناء الحمل.",
        "pregnancy-bare": "هذا العلاج غير مناسب للحمل.",
    }
    return {key: make_article(body_ar=text) for key, text in texts.items()}


@pytest.mark.parametrize(
    ("queries", "keys"),
    [
        (["التهاب", "الالتهاب", "والالتهاب", "بالتهاب"], ["inflammation", "inflammation-bare"]),
        (["وراثة", "الوراثة", "والوراثة", "للوراثة"], ["heredity", "heredity-bare"]),
        (["بروتينات", "البروتينات", "بالبروتينات", "وبروتينات"], ["proteins", "proteins-bare"]),
        (["ألياف", "الألياف", "والألياف", "بألياف", "ﺃﻟﻴﺎﻑ"], ["fibres", "fibres-bare"]),
        (["حمل", "الحمل", "للحمل", "وللحمل", "فللحمل", "وبالحمل"], ["pregnancy", "pregnancy-bare"]),
    ],
)
def test_a_first_letter_that_belongs_to_the_word_is_kept(prefixed_words, queries, keys):
    expected = {prefixed_words[key] for key in keys}
    for query in queries:
        assert set(found(query, "ar")) == expected, query


def test_text_with_compatibility_forms_and_joiners_is_found(make_article):
    joined = make_article(body_ar="تستعمل الميزو\u200cثيرابي للشعر.")
    presentation = make_article(body_ar="تستعمل ﺍﻟﻤﻴﺰﻭﺛﻴﺮﺍﺑﻲ للشعر.")
    wide = make_article(body_en="Ｍｅｓｏｔｈｅｒａｐｙ for hair.")
    assert set(found("ميزوثيرابي", "ar")) == {joined, presentation}
    assert found("mesotherapy", "en") == [wide]


def test_a_short_word_after_the_article_matches_whole_words_only(make_article):
    pain = make_article(body_ar="قد تشعر بألم خفيف.", title_ar="الألم بعد الجلسة")
    make_article(body_ar="الميزوثيرابي والمواد المستعملة.")  # many words begin with ال + م
    assert found("ألم", "ar") == [pain]
    assert found("الألم", "ar") == [pain]


def test_every_word_must_match_and_words_match_from_their_start(corpus):
    assert found("mesotherapy finasteride", "en") == [corpus["body"]]
    assert found("injection", "en") == [corpus["title"]]  # the text says "injections"
    assert found("inject", "en") == [corpus["title"]]  # a word's beginning is enough
    assert found("jection", "en") == []  # ...but not its middle (only a suggestion does)
    assert found("mesotherapy nothing-like-this", "en") == []


def test_search_stays_in_the_active_language(corpus):
    assert found("finasteride", "ar") == []
    assert found("الفيناسترايد", "en") == []
    # What the words find in their own language is shown, said to be that (J1-5).
    assert search("finasteride", "ar").translated


def test_an_edited_article_is_found_by_its_new_words(corpus):
    article = corpus["title"]
    article.body_en = "Now about hyaluronic acid."
    article.save()
    assert found("hyaluronic", "en") == [article]
    assert found("injection", "en") == []


def snippet(query, language):
    with translation.override(language):
        return str(search(query, language).hits[0]["snippet"])


def test_the_database_marks_matches_and_the_rest_is_escaped(make_article):
    make_article(body_en="Mesotherapy & injections, 2 < 3", body_ar="العلاج بالميزوثيرابي.")
    assert snippet("injection", "en") == "Mesotherapy &amp; <mark>injections</mark>, 2 &lt; 3"
    assert snippet("الميزوثيرابى", "ar") == "العلاج <mark>بالميزوثيرابي</mark>."


def test_joined_words_and_ligatures_are_marked_whole(make_article):
    from django.db import connection

    make_article(body_ar="عن الميزو\u200cثيرابي والتهاب")
    if connection.vendor == "postgresql":  # its parser ends a word at a joiner
        assert snippet("الالتهاب", "ar") == "عن الميزو\u200cثيرابي <mark>والتهاب</mark>"
        return
    assert snippet("وبالميزوثيرابي الالتهاب", "ar") == (
        "عن <mark>الميزو\u200cثيرابي</mark> <mark>والتهاب</mark>"
    )
    make_article(body_ar="النبي ﷺ قال")
    assert snippet("الله", "ar") == "النبي <mark>ﷺ</mark> قال"  # one ligature, four words


def test_a_long_text_is_cut_around_its_match(make_article):
    make_article(body_en=" ".join(f"word{n}" for n in range(100)) + " target " + "tail " * 50)
    html = snippet("target", "en")
    assert "<mark>target</mark>" in html
    assert html.startswith("… ") and html.endswith(" …")
    assert "word0 " not in html


def test_without_a_match_in_the_body_the_summary_is_shown_marked(make_article):
    make_article(summary_en="All about hyaluronic acid.", body_en="Nothing of that here.")
    assert snippet("hyaluronic", "en") == "All about <mark>hyaluronic</mark> acid."


# The results page


def test_results_page_in_arabic_shows_ranked_highlighted_results(client, corpus):
    response = client.get("/ar/search/", {"q": "الميزوثيرابى"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in html
    assert response["X-Robots-Tag"] == "noindex"
    positions = [html.index(corpus[key].get_absolute_url()) for key in ("title", "summary", "body")]
    assert positions == sorted(positions)
    assert "<mark>الميزوثيرابي</mark>" in html  # from the body of "الشعر"
    assert "مسودة" not in html
    assert 'value="الميزوثيرابى"' in html  # the query stays in the box


def test_results_page_in_english(client, corpus):
    html = client.get("/en/search/", {"q": "Finasteride"}).content.decode()
    with translation.override("en"):
        assert corpus["body"].get_absolute_url() in html
    assert "<mark>finasteride</mark>" in html
    assert "1 page found." in html


def test_no_results_gives_advice(client, corpus):
    response = client.get("/en/search/", {"q": "liposuction"})
    assert response.status_code == 200
    assert "No pages match “liposuction”." in response.content.decode()
    html = client.get("/ar/search/", {"q": "شفط"}).content.decode()
    assert "لا توجد صفحات تطابق «شفط»." in html


@pytest.mark.parametrize(
    ("query", "english", "arabic"),
    [
        ("", "Type a word or two", "اكتب كلمة أو كلمتين"),
        ("   ", "Type a word or two", "اكتب كلمة أو كلمتين"),
        ("!!! ??? ...", "We could not find any words", "لم نجد أي كلمة"),
        ("<script>alert(1)</script>", "No pages match", "لا توجد صفحات تطابق"),
        ("' OR 1=1 --", "No pages match", "لا توجد صفحات تطابق"),
        # No page has "therapy", "x" and "y": English pages with "meso" are offered instead.
        ("meso & therapy | !x :* (y", "No page has every word", "لا توجد صفحات تطابق"),
    ],
)
def test_empty_or_junk_queries_give_a_helpful_page(client, corpus, query, english, arabic):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert english in response.content.decode()
    assert "<script>alert" not in response.content.decode()
    response = client.get("/ar/search/", {"q": query})
    assert response.status_code == 200 and arabic in response.content.decode()


@pytest.mark.parametrize(
    ("language", "query", "message"),
    [
        ("en", "what is the", "We could not find any words"),
        ("ar", "ما هي في", "لم نجد أي كلمة"),
    ],
)
def test_a_query_of_common_words_only_asks_for_more(client, corpus, language, query, message):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200 and message in response.content.decode()


def test_overlong_query_is_refused_with_a_message(client, corpus):
    response = client.get("/en/search/", {"q": "mesotherapy " * 20})
    assert response.status_code == 400
    assert "at most 200 characters" in response.content.decode()
    response = client.get("/ar/search/", {"q": "ميزو " * 50})
    assert response.status_code == 400
    assert "200" in response.content.decode() and "حرف" in response.content.decode()


def test_the_error_summary_links_to_the_search_field(client, corpus):
    import re

    html = client.get("/en/search/", {"q": "mesotherapy " * 20}).content.decode()
    targets = re.findall(r'class="error-summary.*?href="#([^"]+)"', html, re.DOTALL)
    assert targets
    field = re.search(rf'<input[^>]* id="{targets[0]}"[^>]*>', html)
    assert field and 'name="q"' in field.group() and 'aria-invalid="true"' in field.group()
    assert f'<label class="form-label" for="{targets[0]}">' in html


def test_null_character_is_refused_not_a_crash(client, corpus):
    assert client.get("/en/search/", {"q": "meso\x00therapy"}).status_code == 400


def test_search_box_is_on_every_page(client, article):
    for url in ["/ar/", article.get_absolute_url(), "/en/", "/ar/screener/"]:
        html = client.get(url).content.decode()
        assert 'role="search"' in html and 'name="q"' in html
        assert 'for="site-search-q"' in html
    assert 'action="/en/search/"' in client.get("/en/").content.decode()


def test_search_page_query_count_does_not_grow_with_results(
    client, make_article, django_assert_max_num_queries, django_assert_num_queries
):
    for _ in range(3):
        make_article(title_en="Mesotherapy facts")
    # The clinic profile, the synonyms and their pages, the written words, the next
    # publication change (the content version stored results pages hold) (all then
    # kept); the index, the articles, their excerpts.
    with django_assert_max_num_queries(9):
        assert client.get("/en/search/", {"q": "mesotherapy"}).status_code == 200
    for _ in range(20):
        make_article(title_en="Mesotherapy facts")
    client.get("/en/search/", {"q": "facts"})  # the written words, read again after edits
    with django_assert_num_queries(3):
        response = client.get("/en/search/", {"q": "mesotherapy"})
    html = response.content.decode()
    assert "20 pages found." in html and "Only the best matches are shown." in html


def test_reindex_command_restores_the_index_after_a_bulk_update(corpus):
    from django.core.management import call_command

    from search.models import SearchDocument

    SearchDocument.objects.filter(language="en").update(title="", summary="", body="")
    assert found("mesotherapy", "en") == []
    call_command("reindex_search", verbosity=0)
    assert found("mesotherapy", "en") == [corpus["title"], corpus["summary"], corpus["body"]]


def test_the_migration_indexes_articles_written_before_the_index(corpus):
    import importlib

    from django.apps import apps

    from search.models import SearchDocument

    migration = importlib.import_module("search.migrations.0003_build_index")
    SearchDocument.objects.all().delete()
    assert found("الفيناسترايد", "ar") == []
    migration.build(apps, None)
    assert found("وبالفيناسترايد", "ar") == [corpus["body"]]
    assert found("الميزوثيرابي", "ar") == [corpus["title"], corpus["summary"], corpus["body"]]


def test_a_snippet_does_not_run_a_heading_into_its_text(client, make_article):
    make_article(body_en="### Bruising\n\nBruising shows up as red marks.")
    with translation.override("en"):
        html = client.get("/en/search/", {"q": "red marks"}).content.decode()
    assert "Bruising. Bruising shows up" in html


def test_eight_prefixed_arabic_words_give_a_page_not_an_error(client, make_article):
    """Each word brings up to four forms: their count must not nest past SQLite's limit."""
    article = make_article(
        body_ar="الميزوثيرابي والحقن والجلد والطبيب والعلاج والبشرة والدهون والشعر."
    )
    query = "والميزوثيرابي وبالحقن وللجلد وبالطبيب وبالعلاج وللبشرة وبالدهون وللشعر"
    response = client.get("/ar/search/", {"q": query})
    assert response.status_code == 200
    assert article.title_ar in response.content.decode()


# Per-language facts come from settings.LANGUAGE_DETAILS


def test_a_language_without_details_fails_loudly_instead_of_stemming_as_english():
    from django.core.exceptions import ImproperlyConfigured
    from django.test import override_settings

    french = [("ar", "Arabic"), ("en", "English"), ("fr", "French")]
    with override_settings(LANGUAGES=french), pytest.raises(ImproperlyConfigured, match="fr"):
        stems("les injections", "fr")


def test_the_stemmer_is_the_one_settings_name():
    from django.test import override_settings

    from mesoinfo.languages import language

    details = {code: vars(language(code)) | {} for code in ("ar", "en")}
    for found in details.values():
        found.pop("code")
    details["en"] = details["en"] | {"stemmer": "porter"}  # the older English stemmer
    with override_settings(LANGUAGE_DETAILS=details):
        assert stems("generalization", "en") == "gener"
    assert stems("generalization", "en") == "general"


def test_the_writing_system_of_each_language_comes_from_its_own_name():
    from search.query import written_in

    assert written_in("مميعات الدم", "ar") and not written_in("مميعات الدم", "en")
    assert written_in("blood thinners", "en") and not written_in("blood thinners", "ar")
    assert not written_in("2024", "en")
