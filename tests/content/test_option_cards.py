"""A grid's options on its type page, read from the grid as published; and the home page's
"Before you decide"."""

import re
from html import unescape
from html.parser import HTMLParser
from itertools import pairwise
from urllib.parse import unquote

import pytest
from django.core.management import call_command
from django.utils import translation

from content.models import Article
from content.option_cards import expand
from content.preview import preview
from editorial.diff import readable
from tests.content.test_option_grids import EVIDENCE, GRADES, NOT_GRADED, Grid

LANGUAGES = ("ar", "en")
# Each type page that shows its grid's cards, and its grid. The hair page has options
# sections of its own (finasteride, minoxidil, PRP, laser, transplant) and links its grid:
# with the cards it was the heaviest page, over the 60 KB first-visit budget.
TYPE_GRIDS = {
    "type-body-sculpting": "options-local-fat",
    "type-cellulite": "options-cellulite",
    "type-pigmentation": "options-pigmentation-dull-skin",
}
HEADING = {"ar": "مقارنة بين خياراتك", "en": "Your options side by side"}
RARE_HARMS = {"ar": "أضرار خطيرة نادرة", "en": "Rare serious harms"}
COMMON_EFFECTS = {"ar": "آثار جانبية شائعة", "en": "Common side effects"}
TALK = {"ar": "## تحدّث مع طبيب مرخّص", "en": "## Talk to a licensed doctor"}


def text(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


class Cards(HTMLParser):
    """The option cards of a page: [(summary text, {term: definition text})], and the
    headings in the order they come."""

    def __init__(self):
        super().__init__()
        self.cards, self.headings, self.where, self.term = [], [], None, None
        self.buffer, self.inside = "", False

    def handle_starttag(self, tag, attrs):
        if tag == "details" and ("class", "option-card") in attrs:
            self.cards.append(["", {}])
            self.inside = True
        elif self.inside and tag in ("summary", "dt", "dd"):
            self.where, self.buffer = tag, ""
        elif re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))

    def handle_endtag(self, tag):
        if tag == "details":
            self.inside = False
        if tag != self.where:
            return
        value = " ".join(self.buffer.split())
        if tag == "summary":
            self.cards[-1][0] = value
        elif tag == "dt":
            self.term = value
        else:
            self.cards[-1][1][self.term] = value
        self.where = None

    def handle_data(self, data):
        if self.where:
            self.buffer += data

    @classmethod
    def of(cls, html):
        parser = cls()
        parser.feed(html)
        return parser


@pytest.fixture
def corpus(db):
    call_command("load_corpus", verbosity=0)


def url_of(article, code):
    with translation.override(code):
        return article.get_absolute_url()


def get(client, article, code):
    response = client.get(url_of(article, code))
    assert response.status_code == 200
    return response.content.decode()


def grid_rows(client, grid, code):
    """[(option, {column: text})] as the grid's own page shows them."""
    cells = Grid.of(get(client, grid, code)).cells
    first = cells[0][0]
    rows = []
    for label, value, _hrefs in cells:
        value = " ".join(value.split())
        if label == first:
            rows.append((value, {}))
        else:
            rows[-1][1][label] = value
    return rows


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_type_page_shows_every_option_of_its_grid_with_its_grade_and_harms(
    client, corpus, code
):
    for page_key, grid_key in TYPE_GRIDS.items():
        page = Article.objects.get(corpus_key=page_key)
        grid = Article.objects.get(corpus_key=grid_key)
        html = get(client, page, code)
        parsed = Cards.of(html)
        expected = grid_rows(client, grid, code)
        assert len(expected) >= 6, grid_key
        assert [name for name, _facts in parsed.cards] == [name for name, _f in expected]
        for (name, facts), (_name, grid_facts) in zip(parsed.cards, expected, strict=True):
            assert facts == grid_facts, (page_key, code, name)  # every column, word for word
            assert facts[RARE_HARMS[code]] and facts[COMMON_EFFECTS[code]], (page_key, name)
        graded = [
            facts[EVIDENCE[code]]
            for _name, facts in parsed.cards
            if any(g in facts[EVIDENCE[code]] for g in (*GRADES[code], NOT_GRADED[code]))
        ]
        assert len(graded) == len(parsed.cards) - 1, page_key  # all but doing nothing
        # The section: its heading, before "Talk to a doctor" (or the questions), with the
        # link to the grid's "What matters to me" and its questions for the doctor.
        assert f'<h2 id="side-by-side">{HEADING[code]}</h2>' in html, page_key
        values = f'href="{unquote(url_of(grid, code))}#values-heading"'
        assert values in unquote(html), page_key
        assert html.index("side-by-side") < html.index('class="option-card"')
        # No heading level is skipped on the way down.
        assert all(b - a <= 1 for a, b in pairwise(parsed.headings)), (page_key, parsed.headings)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_marker_sits_before_the_doctor_section_in_both_languages(corpus, code):
    for page_key, grid_key in TYPE_GRIDS.items():
        body = getattr(Article.objects.get(corpus_key=page_key), f"body_{code}")
        marker = f"<!-- option-grid: {grid_key} -->"
        assert body.count(marker) == 1, (page_key, code)
        assert body.index(marker) < body.index(TALK[code]), (page_key, code)


def test_a_change_published_to_a_grid_shows_on_its_type_page(
    client, corpus, admin_user, commit, django_assert_num_queries
):
    from editorial.workflow import approve_and_publish, editing_snapshot, save_revision

    page = Article.objects.get(corpus_key="type-body-sculpting")
    grid = Article.objects.get(corpus_key="options-local-fat")
    before = get(client, page, "en")
    with django_assert_num_queries(0):
        assert client.get(url_of(page, "en")).content.decode() == before  # cached
    snapshot = editing_snapshot(grid)
    old = "A machine cools the skin and kills some fat cells below it. No needles."
    new = "A machine chills the skin to kill some fat cells under it. No needles at all."
    assert old in snapshot["body_en"] and old in before
    snapshot["body_en"] = snapshot["body_en"].replace(old, new)
    revision = save_revision(grid, snapshot, admin_user)
    with commit():
        approve_and_publish(revision, admin_user)
    after = get(client, page, "en")
    assert new in after and old not in after
    card = next(facts for name, facts in Cards.of(after).cards if name.startswith("Fat freezing"))
    assert card["What it is"] == new


def test_a_grid_that_is_not_on_the_site_leaves_no_section(corpus):
    grid = Article.objects.get(corpus_key="options-cellulite")
    grid.status = Article.Status.DRAFT
    grid.save()
    with translation.override("en"):
        assert expand("Before\n\n<!-- option-grid: options-cellulite -->\n\nAfter") == (
            "Before\n\n\n\nAfter"
        )
        assert expand("<!-- option-grid: no-such-grid -->") == ""


def test_a_grid_that_names_itself_shows_its_table_once(client, corpus):
    grid = Article.objects.get(corpus_key="options-cellulite")
    grid.body_en += "\n\n<!-- option-grid: options-cellulite -->\n"
    grid.save()
    page = Article.objects.get(corpus_key="type-cellulite")
    html = get(client, page, "en")
    assert html.count('class="option-cards"') == 1
    assert len(Cards.of(html).cards) == len(grid_rows(client, grid, "en"))


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_body_preview_and_the_compare_show_the_options(corpus, code):
    body = "## Risks\n\nSome.\n\n<!-- option-grid: options-hair-loss -->\n"
    shown = preview(body, code)["html"]
    assert HEADING[code] in shown and shown.count('class="option-card"') >= 7
    compared = readable(f"body_{code}", body, code)
    assert HEADING[code] in compared
    minoxidil = {"ar": "المينوكسيديل", "en": "Minoxidil"}[code]
    assert minoxidil in compared


def test_search_indexes_the_type_page_without_the_grids_words(corpus):
    from search.text import plain_text

    body = Article.objects.get(corpus_key="type-body-sculpting").body_en
    indexed, _headings = plain_text(body)
    assert "Your options side by side" not in indexed and "cryolipolysis" not in indexed


# The home page's "Before you decide": DISCERN 9-15 in a few lines, each with its link.
DECIDE = {
    "ar": (
        "قبل أن تقرر",
        "الأدمة",
        "دليل ضعيف",
        "المتفطرات غير السلية",
        "ماذا لو لم تفعل شيئًا؟",
        "الكدمات قد تبقى ظاهرة",
        "ما الأهم عندك؟",
    ),
    "en": (
        "Before you decide",
        "dermis",
        "weak for most uses",
        "atypical mycobacteria",
        "What if you do nothing?",
        "bruises can stay visible",
        "What matters to you?",
    ),
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_home_page_says_what_to_know_before_deciding_with_its_links(client, corpus, code):
    html = client.get(f"/{code}/").content.decode()
    start = html.index('aria-labelledby="decide-heading"')
    section = html[start : html.index("</section>", start)]
    for words in DECIDE[code]:
        assert words in text(section), (code, words)
    links = set(re.findall(r'href="([^"]+)"', unquote(section)))
    for key in ("what-is-mesotherapy", "evidence", "side-effects"):
        assert unquote(url_of(Article.objects.get(corpus_key=key), code)) in links, key
    for key in TYPE_GRIDS.values():
        grid_url = unquote(url_of(Article.objects.get(corpus_key=key), code))
        assert grid_url in links and f"{grid_url}#values-heading" in links, key
    assert re.findall(r"<h[1-6]", section) == ["<h2"] + ["<h3"] * 7
