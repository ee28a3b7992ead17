"""Every screener page is one size on the wire whatever the answers, in every language,
with the largest clinic profile and article titles the site can hold.

The part of each page that reads the answers is padded to a fixed size ({% fixed_size %},
screener/padding.py) and the whole page to a multiple of PAGE_BUCKET. All 3^8 sets of
answers are checked in-process: the two includes that read the answers (answers_summary
and outcome_summary) are rendered for every set, and the rest of each page's part, which
reads only the outcome's kind, once per kind. Full pages, rendered by the views for a
sample that includes each page's largest and smallest set, show that the sum is exact,
and full responses through the middleware that they are one size."""

import itertools
import random
import time

import pytest
from django.conf import settings
from django.template.loader import get_template
from django.test import Client
from django.utils import timezone, translation

from screener import articles, views
from screener.padding import REGION_BYTES, padding_for
from screener.questions import ANSWER_CODES, ANSWERS, QUESTION_KEYS, TOTAL, decide
from screener.templatetags import screener_padding

from .helpers import set_state, url

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
ALL_SETS = list(itertools.product(ANSWERS, repeat=TOTAL))
PAGES = {
    "check": views.CheckView,
    "outcome": views.OutcomeView,
    "outcome_print": views.OutcomePrintView,
}
COMMENT_BYTES = len(padding_for(0, 1))


@pytest.fixture
def regions(monkeypatch):
    """The length of the content of each {% fixed_size %} part rendered, before padding."""
    seen = []
    real = screener_padding.pad_to

    def record(text, size):
        seen.append(len(text.encode()))
        return real(text, size)

    monkeypatch.setattr(screener_padding, "pad_to", record)
    return seen


def answers_of(answer_set):
    return dict(zip(QUESTION_KEYS, answer_set, strict=True))


class Pages:
    """The check, result and print pages for one language, rendered in-process by their
    views; and the includes that read the answers, rendered alone."""

    def __init__(self, rf, language, regions):
        self.language, self.regions = language, regions
        self.request = rf.get(url("outcome", language))
        self.request.session = {}
        from django.contrib.messages.middleware import MessageMiddleware

        MessageMiddleware(lambda request: None).process_request(self.request)
        self.explaining = articles.linked_articles().get(articles.EXPLAINING)
        self.rows = get_template("screener/includes/answers_summary.html")
        self.summary = get_template("screener/includes/outcome_summary.html")
        self.today = timezone.localdate()

    def region(self, page, answer_set):
        """The length of the page's answer-reading part, rendered by its view."""
        from screener.state import ScreenerState

        state = ScreenerState(self.request)
        state.answers, state.finished = answers_of(answer_set), page != "check"
        self.request._screener_state = state
        view = PAGES[page].as_view()
        self.regions.clear()
        view(self.request).render()
        (length,) = self.regions
        return length

    def includes(self, answer_set):
        """{page: bytes of the includes that read the answers} for one set."""
        answers = answers_of(answer_set)
        shared = {"explaining_article": self.explaining, "today": self.today}
        context = views.answers_context(answers, self.explaining) | shared
        check_rows = {"rows": views.answer_rows(answers, "check"), "change": True}

        def size(template, extra):
            return len(template.render(context | extra).encode())

        return {
            "check": size(self.rows, check_rows),
            "outcome": size(self.summary, {}) + size(self.rows, {"change": True}),
            "outcome_print": size(self.summary, {"for_print": True})
            + size(self.rows, {"change": False}),
        }


def kind_of(answer_set):
    return decide(answers_of(answer_set)).kind


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_set_of_answers_fits_each_pages_fixed_part(rf, maximal_site, regions, language):
    with translation.override(language):
        pages = Pages(rf, language, regions)
        included = {answer_set: pages.includes(answer_set) for answer_set in ALL_SETS}
        # The rest of each page's part, once per kind of outcome (the check page has none).
        rest = {}
        for answer_set in ALL_SETS:
            kind = kind_of(answer_set)
            for page in PAGES:
                key = (page, None if page == "check" else kind)
                if key not in rest:
                    rest[key] = pages.region(page, answer_set) - included[answer_set][page]
        predicted = {
            (page, answer_set): rest[(page, None if page == "check" else kind_of(answer_set))]
            + included[answer_set][page]
            for answer_set in ALL_SETS
            for page in PAGES
        }
        # The sum is exact: full pages, the largest and smallest of each among them.
        extremes = set()
        for page in PAGES:
            ours = {s: predicted[(page, s)] for s in ALL_SETS}
            extremes |= {max(ours, key=ours.get), min(ours, key=ours.get)}
        sample = extremes | set(random.Random(29).sample(ALL_SETS, 20))
        for answer_set in sample:
            for page in PAGES:
                assert pages.region(page, answer_set) == predicted[(page, answer_set)]
    assert len(predicted) == len(PAGES) * 3**TOTAL
    for page in PAGES:
        largest = max(v for (p, _s), v in predicted.items() if p == page)
        assert largest + COMMENT_BYTES <= REGION_BYTES[page], (language, page, largest)
    # On the wire: whole responses, through every middleware, asked for compressed.
    sizes = {page: set() for page in [*PAGES, "consultation"]}
    for answer_set in sample:
        for page in sizes:
            response = fetch(page, language, answer_set)
            assert response.status_code == 200
            assert "Content-Encoding" not in response
            assert "no-transform" in response["Cache-Control"]
            sizes[page].add(len(response.content))
    assert all(len(found) == 1 for found in sizes.values()), sizes


def fetch(page, language, answer_set):
    client = Client()
    codes = "".join(ANSWER_CODES[a] for a in answer_set)
    set_state(client, {"a": codes, "t": int(time.time()), "f": page != "check"})
    return client.get(url(page, language), HTTP_ACCEPT_ENCODING="gzip, br")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_question_page_is_one_size_whatever_answer_it_shows(maximal_site, language):
    for number in range(1, TOTAL + 1):
        sizes = set()
        for shown in (None, *ANSWERS):
            client = Client()
            answered = ["n"] * (number - 1) + ([ANSWER_CODES[shown]] if shown else [])
            codes = "".join(answered).ljust(TOTAL, "-")
            set_state(client, {"a": codes, "t": int(time.time()), "f": False})
            response = client.get(url("question", language, number))
            assert response.status_code == 200
            sizes.add(len(response.content))
        assert len(sizes) == 1, (number, sizes)
