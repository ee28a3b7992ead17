"""The shipped corpus: every fact of the brief, on published pages, in both languages."""

import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import translation

from content.models import Article, Category

from .brief_facts import CONTRAINDICATIONS, CONTRAINDICATIONS_ARTICLE, FACTS, TYPES

FACTS_BY_TYPE = [fact for fact in FACTS if fact[0].startswith("type: ")]

ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")


def normalise(text):
    return ARABIC_MARKS.sub("", text).casefold()


def contains(text, needle):
    """Whether the needle is in the (normalised) text; an English needle must start a word."""
    needle = normalise(needle)
    if needle[:1].isascii() and needle[:1].isalpha():
        return re.search(r"(?<![a-z])" + re.escape(needle), text) is not None
    return needle in text


class MainText(HTMLParser):
    """The text inside <main>, leaving out elements marked as another language."""

    VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source"}

    def __init__(self, page_language):
        super().__init__()
        self.page_language = page_language
        self.stack = []  # (tag, is foreign)
        self.in_main = False
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.in_main = True
        if tag in self.VOID:
            return
        lang = dict(attrs).get("lang")
        foreign = bool(lang) and not lang.startswith(self.page_language)
        self.stack.append((tag, foreign))

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.in_main and not any(foreign for _, foreign in self.stack):
            self.parts.append(data)

    @classmethod
    def of(cls, html, page_language):
        parser = cls(page_language)
        parser.feed(html)
        return " ".join(parser.parts)


pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """The shipped corpus, loaded once for this module's read-only tests (a load takes
    seconds), inside a transaction rolled back after the module's last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_corpus", verbosity=0)
        yield list(Article.objects.published().select_related("category", "reviewer"))
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def pages(corpus, django_db_blocker):
    """{language: {article key: main text}} for every published article, rendered once."""
    client = Client()
    result = {}
    for code in ("ar", "en"):
        with translation.override(code):
            urls = {a.corpus_key: a.get_absolute_url() for a in corpus}
        result[code] = {}
        for key, url in urls.items():
            with django_db_blocker.unblock():
                response = client.get(url)
            assert response.status_code == 200, url
            result[code][key] = MainText.of(response.content.decode(), code)
    return result


def test_corpus_has_at_least_14_articles_including_the_eight_types(corpus):
    keys = {article.corpus_key for article in corpus}
    assert len(keys) >= 14
    assert set(TYPES) <= keys


def test_every_article_is_complete(corpus):
    for article in corpus:
        for code in ("ar", "en"):
            for field in ("title", "slug", "summary", "body"):
                assert getattr(article, f"{field}_{code}"), (article.corpus_key, field, code)
        assert article.reviewer is not None, article.corpus_key
        assert article.last_reviewed and article.next_review_due, article.corpus_key
        assert article.next_review_due > article.last_reviewed, article.corpus_key
        assert article.sources.exists(), article.corpus_key


def missing_facts(pages, facts=FACTS):
    missing = []
    for label, arabic, english in facts:
        for code, needles in (("ar", arabic), ("en", english)):
            texts = [normalise(text) for text in pages[code].values()]
            if not any(all(contains(text, n) for n in needles) for text in texts):
                missing.append(f"{label!r} {needles} is on no published {code} page")
    return missing


def test_every_brief_fact_is_on_a_published_page_in_each_language(pages):
    assert missing_facts(pages) == []


def test_a_fact_check_fails_when_the_fact_is_missing(pages):
    # The checks must be able to fail: take words out of every page and see them missed.
    facts = {label: (label, arabic, english) for label, arabic, english in FACTS}
    cases = [
        ("ice packs", "ice packs", "كمادات الثلج"),
        ("FDA has not approved it", "has not approved", "لم توافق"),
        ("ASPS does not endorse it: not enough research", "does not endorse", "لا تؤيد"),
        ("liposuction risks", "uneven skin", "عدم انتظام سطح الجلد"),
    ]
    for label, english, arabic in cases:
        stripped = {
            "en": {k: re.sub(english, "", v, flags=re.I) for k, v in pages["en"].items()},
            "ar": {k: normalise(v).replace(normalise(arabic), "") for k, v in pages["ar"].items()},
        }
        assert len(missing_facts(stripped, [facts[label]])) == 2, label
    # A word inside another word is not the fact: "ice" is not in "advice".
    assert not contains(normalise("Ask for advice."), "ice")
    assert contains(normalise("Ice packs may help."), "ice packs")


def test_each_type_has_its_own_article_naming_it(pages):
    for key, (label, arabic, english) in zip(TYPES, FACTS_BY_TYPE, strict=True):
        assert normalise(arabic[0]) in normalise(pages["ar"][key]), (key, label)
        assert normalise(english[0]) in normalise(pages["en"][key]), (key, label)


def test_arabic_pages_have_no_unmarked_latin_text(pages):
    for key, text in pages["ar"].items():
        latin = re.findall(r"[A-Za-z]{2,}", text)
        assert latin == [], (key, latin[:10])


class UnmarkedLatin(HTMLParser):
    """Runs of Latin letters in <body> not inside an element marked lang (not Arabic) and
    dir="ltr". JSON-LD blocks are data, not text; attributes that hold addresses are not
    read; attributes a reader sees or hears (alt, title, placeholder, aria-label) are."""

    VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
    VISIBLE_ATTRIBUTES = ("alt", "title", "placeholder", "aria-label")
    LATIN = re.compile(r"[A-Za-z]+")

    def __init__(self):
        super().__init__()
        self.stack = []  # (tag, lang or None, dir or None, is data)
        self.in_body = False
        self.found = []

    def marked(self, extra=()):
        elements = [*self.stack, *extra]
        lang = next((e[1] for e in reversed(elements) if e[1] is not None), "")
        direction = next((e[2] for e in reversed(elements) if e[2] is not None), "")
        return bool(lang) and not lang.lower().startswith("ar") and direction.lower() == "ltr"

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "body":
            self.in_body = True
        element = (
            tag,
            attrs.get("lang"),
            attrs.get("dir"),
            tag == "script" and attrs.get("type") == "application/ld+json",
        )
        if self.in_body and not (tag == "input" and attrs.get("type") == "hidden"):
            for name in self.VISIBLE_ATTRIBUTES:
                value = attrs.get(name) or ""
                if self.LATIN.search(value) and not self.marked([element]):
                    self.found.append(f"<{tag} {name}={value!r}>")
        if tag not in self.VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "body":
            self.in_body = False
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self.in_body or any(e[3] for e in self.stack) or not self.LATIN.search(data):
            return
        if not self.marked():
            where = "/".join(e[0] for e in self.stack[-3:])
            self.found.append(f"{where}: {data.strip()[:60]!r}")

    @classmethod
    def of(cls, html):
        parser = cls()
        parser.feed(html)
        return parser.found


def arabic_public_pages(corpus):
    with translation.override("ar"):
        urls = ["/ar/", "/ar/about/", "/ar/screener/", "/ar/search/?q=الميزوثيرابي"]
        urls += [category.get_absolute_url() for category in Category.objects.all()]
        urls += [article.get_absolute_url() for article in corpus]
    return urls


def test_every_arabic_page_marks_latin_text_as_english_and_left_to_right(client, corpus):
    unmarked = {}
    for url in arabic_public_pages(corpus):
        response = client.get(url)
        assert response.status_code == 200, url
        found = UnmarkedLatin.of(response.content.decode())
        if found:
            unmarked[url] = found[:5]
    assert unmarked == {}


def test_unmarked_latin_finder():
    html = (
        '<html lang="ar" dir="rtl"><head><title>Site</title></head><body><p>نص'
        ' <span lang="en" dir="ltr">Kybella</span> <span lang="en">Kybella</span></p>'
        '<script type="application/ld+json">{"@type": "Article"}</script>'
        '<a href="https://example.org/x">رابط</a><img alt="Logo" src="a.png"></body></html>'
    )
    assert UnmarkedLatin.of(html) == ["body/p/span: 'Kybella'", "<img alt='Logo'>"]


def contraindication_headings(client, corpus, code):
    """[(id, normalised text)] of the h3 headings in the article's main text."""
    article = next(a for a in corpus if a.corpus_key == CONTRAINDICATIONS_ARTICLE)
    with translation.override(code):
        html = client.get(article.get_absolute_url()).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    headings = re.findall(r"<h3([^>]*)>(.*?)</h3>", main, flags=re.S)
    return [
        (
            (re.search(r'\bid="([^"]*)"', attrs) or [None, None])[1],
            normalise(re.sub(r"<[^>]+>", "", text)),
        )
        for attrs, text in headings
    ]


@pytest.mark.parametrize("code", ["ar", "en"])
def test_the_eight_contraindications_are_headed_in_the_briefs_order(client, corpus, code):
    headings = contraindication_headings(client, corpus, code)
    position = -1
    for key, arabic, english in CONTRAINDICATIONS:
        needle = arabic if code == "ar" else english
        later = [i for i, (_, text) in enumerate(headings) if contains(text, needle)]
        later = [i for i in later if i > position]
        assert later, (code, key, "missing or out of order", headings)
        position = later[0]


@pytest.mark.parametrize("code", ["ar", "en"])
def test_the_contraindication_headings_carry_the_screeners_anchors(client, corpus, code):
    ids = [anchor for anchor, _ in contraindication_headings(client, corpus, code) if anchor]
    # Neutral anchors (issue 18): a condition's name never sits in a browser's history.
    assert ids == [f"condition-{n}" for n in range(1, len(CONTRAINDICATIONS) + 1)]


def test_english_pages_are_not_arabic(pages):
    for key, text in pages["en"].items():
        assert not re.search(r"[\u0600-\u06ff]", text), key


def test_internal_links_in_article_bodies_resolve(client, corpus):
    for article in corpus:
        for code in ("ar", "en"):
            body = getattr(article, f"body_{code}")
            for target in re.findall(r"\]\((/[^)\s]+)\)", body):
                response = client.get(target, follow=True)
                assert response.status_code == 200, (article.corpus_key, code, target)


def test_no_article_promises_a_result(pages):
    promises = ["guaranteed", "100%", "permanent results", "مضمونة", "نتائج مضمونة"]
    for code in ("ar", "en"):
        for key, text in pages[code].items():
            for phrase in promises:
                assert phrase not in normalise(text), (key, phrase)


def test_no_placeholder_is_left_unfilled_on_a_published_page(pages):
    for code in ("ar", "en"):
        for key, text in pages[code].items():
            assert not re.search(r"\{[a-z_]+\}", text), (code, key)
