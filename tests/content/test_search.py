"""Site search: Arabic-aware normalisation, matching and ranking, the results page."""

import pytest
from django.utils import translation

from content.models import Article
from content.search import highlight, normalise, normalise_word, search

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("الميزوثيرابى", "ميزوثيرابي"),  # ى → ي, ال dropped
        ("ميزوثيرابي", "ميزوثيرابي"),
        ("الميزوثيرابي", "ميزوثيرابي"),
        ("بالميزوثيرابي", "ميزوثيرابي"),  # ب + ال
        ("للميزوثيرابي", "ميزوثيرابي"),  # ل + ال
        ("والفيناسترايد", "فيناسترايد"),  # و + ال
        ("الفيناسترايد", "فيناسترايد"),
        ("فيناسترايد", "فيناسترايد"),  # ف belongs to the word: kept
        ("إبرة", "ابره"),  # إ → ا, ة → ه
        ("أنسولين", "انسولين"),
        ("آثار", "اثار"),
        ("مُحَمَّد", "محمد"),  # diacritics removed
        ("الحـقـن", "حقن"),  # tatweel removed
        ("وميزوثيرابي", "ميزوثيرابي"),  # a single و dropped when 4+ letters remain
        ("وجه", "وجه"),  # ...but not from a short word
        ("ليزر", "ليزر"),
        ("٤٥", "45"),  # Arabic-Indic digits
        ("۱۲", "12"),  # Eastern Arabic-Indic digits
    ],
)
def test_arabic_words_are_normalised(written, expected):
    assert normalise_word(written, "ar") == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Injections", "injection"),
        ("THERAPIES", "therapy"),
        ("boxes", "box"),
        ("bruises", "bruise"),
        ("class", "class"),
        ("this", "this"),
        ("Mesotherapy", "mesotherapy"),
    ],
)
def test_english_words_ignore_case_and_simple_plurals(written, expected):
    assert normalise_word(written, "en") == expected


def test_text_and_query_normalise_alike():
    assert normalise("عن الميزوثيرابى، والفيناسترايد!", "ar") == " ميزوثيرابي فيناسترايد "
    assert normalise("...", "ar") == ""


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
    with translation.override(language):
        return list(search(Article.objects.published(), query, language))


@pytest.mark.parametrize("query", ["الميزوثيرابى", "ميزوثيرابي", "الميزوثيرابي"])
def test_arabic_spellings_find_the_same_pages_best_first(corpus, query):
    assert found(query, "ar") == [corpus["title"], corpus["summary"], corpus["body"]]


@pytest.mark.parametrize("query", ["فيناسترايد", "الفيناسترايد", "بالفيناسترايد"])
def test_finasteride_with_or_without_the_article(corpus, query):
    assert found(query, "ar") == [corpus["body"]]


@pytest.mark.parametrize("query", ["mesotherapy", "MESOTHERAPY", "Mesotherapies"])
def test_english_ignores_case_and_plurals(corpus, query):
    assert found(query, "en") == [corpus["title"], corpus["summary"], corpus["body"]]


def test_every_word_must_match_and_words_match_from_their_start(corpus):
    assert found("mesotherapy finasteride", "en") == [corpus["body"]]
    assert found("injection", "en") == [corpus["title"]]  # the text says "injections"
    assert found("inject", "en") == [corpus["title"]]  # a word's beginning is enough
    assert found("jection", "en") == []  # ...but not its middle
    assert found("mesotherapy nothing-like-this", "en") == []


def test_search_stays_in_the_active_language(corpus):
    assert found("finasteride", "ar") == []
    assert found("الفيناسترايد", "en") == []


def test_an_edited_article_is_found_by_its_new_words(corpus):
    article = corpus["title"]
    article.body_en = "Now about hyaluronic acid."
    article.save()
    assert found("hyaluronic", "en") == [article]
    assert found("injection", "en") == []


def test_highlight_marks_matches_and_escapes_the_rest():
    html, matched = highlight("<b>Mesotherapy</b> & injections", "injection", "en")
    assert matched
    assert html == "&lt;b&gt;Mesotherapy&lt;/b&gt; &amp; <mark>injections</mark>"
    html, matched = highlight("العلاج بالميزوثيرابي.", "الميزوثيرابى", "ar")
    assert html == "العلاج <mark>بالميزوثيرابي</mark>."


def test_a_long_text_is_cut_around_the_first_match():
    text = " ".join(f"word{n}" for n in range(100)) + " target " + "tail " * 50
    html, matched = highlight(text, "target", "en", width=12)
    assert matched and "<mark>target</mark>" in html
    assert html.startswith("… ") and html.endswith(" …")
    assert "word0 " not in html


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
        ("meso & therapy | !x :* (y", "No pages match", "لا توجد صفحات تطابق"),
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


def test_null_character_is_refused_not_a_crash(client, corpus):
    assert client.get("/en/search/", {"q": "meso\x00therapy"}).status_code == 400


def test_search_box_is_on_every_page(client, article):
    for url in ["/ar/", article.get_absolute_url(), "/en/", "/ar/screener/"]:
        html = client.get(url).content.decode()
        assert 'role="search"' in html and 'name="q"' in html
        assert 'for="site-search-q"' in html
    assert 'action="/en/search/"' in client.get("/en/").content.decode()


def test_search_page_query_count_does_not_grow_with_results(
    client, make_article, django_assert_max_num_queries
):
    for _ in range(3):
        make_article(title_en="Mesotherapy facts")
    with django_assert_max_num_queries(2):
        assert client.get("/en/search/", {"q": "mesotherapy"}).status_code == 200
    for _ in range(20):
        make_article(title_en="Mesotherapy facts")
    with django_assert_max_num_queries(2):
        response = client.get("/en/search/", {"q": "mesotherapy"})
    assert "23 pages found." in response.content.decode()


def test_reindex_command_restores_search_text_after_a_bulk_update(corpus):
    from django.core.management import call_command

    Article.objects.update(search_title_en="", search_summary_en="", search_body_en="")
    assert found("mesotherapy", "en") == []
    call_command("reindex_search", verbosity=0)
    assert found("mesotherapy", "en") == [corpus["title"], corpus["summary"], corpus["body"]]


def test_migration_back_fills_articles_written_before_search_existed(corpus):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("content.migrations.0003_search_pages_feedback")
    Article.objects.update(search_title_ar="", search_summary_ar="", search_body_ar="")
    assert found("الفيناسترايد", "ar") == []
    migration.fill_search_columns(apps, None)
    assert found("الفيناسترايد", "ar") == [corpus["body"]]
