"""The shipped corpus: every fact of the brief, on published pages, in both languages."""

import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.utils import translation

from content.models import Article

from .brief_facts import FACTS, TYPES

FACTS_BY_TYPE = [fact for fact in FACTS if fact[0].startswith("type: ")]

ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")


def normalise(text):
    return ARABIC_MARKS.sub("", text).casefold()


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


@pytest.fixture
def corpus(db):
    call_command("load_corpus", verbosity=0)
    return list(Article.objects.published().select_related("category", "reviewer"))


@pytest.fixture
def pages(client, corpus):
    """{language: {article key: main text}} for every published article."""
    result = {}
    for code in ("ar", "en"):
        with translation.override(code):
            urls = {a.corpus_key: a.get_absolute_url() for a in corpus}
        result[code] = {}
        for key, url in urls.items():
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


def test_every_brief_fact_is_on_a_published_page_in_each_language(pages):
    missing = []
    for label, arabic, english in FACTS:
        for code, needles in (("ar", arabic), ("en", english)):
            wanted = [normalise(n) for n in needles]
            if not any(all(n in normalise(text) for n in wanted) for text in pages[code].values()):
                missing.append(f"{label!r} {needles} is on no published {code} page")
    assert missing == []


def test_each_type_has_its_own_article_naming_it(pages):
    for key, (label, arabic, english) in zip(TYPES, FACTS_BY_TYPE, strict=True):
        assert normalise(arabic[0]) in normalise(pages["ar"][key]), (key, label)
        assert normalise(english[0]) in normalise(pages["en"][key]), (key, label)


def test_arabic_pages_have_no_unmarked_latin_text(pages):
    for key, text in pages["ar"].items():
        latin = re.findall(r"[A-Za-z]{2,}", text)
        assert latin == [], (key, latin[:10])


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
