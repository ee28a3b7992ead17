"""The option grids: four goals, both languages, a source behind every grade, and a
"What matters to me" section that nothing can send anywhere."""

import re
from html.parser import HTMLParser
from urllib.parse import unquote

import pytest
from django.core.management import call_command
from django.utils import translation

from content.models import Article, Category, Page
from content.rendering import render_markdown
from content.templatetags.decision_aid import ABOUT_GRIDS_PAGE, GOAL_VALUES, OPTION_GRID_CATEGORY

GRIDS = (
    "options-local-fat",
    "options-cellulite",
    "options-hair-loss",
    "options-pigmentation-dull-skin",
)
LANGUAGES = ("ar", "en")
EVIDENCE = {"ar": "الأدلة", "en": "Evidence"}
GRADES = {
    "ar": ("لا أدلة كافية", "دليل ضعيف", "دليل متوسط", "دليل قوي"),
    "en": ("No good evidence", "Weak evidence", "Moderate evidence", "Strong evidence"),
}
# An option the site does not grade says so, and why, in words (liposuction: surgery).
NOT_GRADED = {"ar": "لا نعطيه درجة", "en": "Not graded"}
VALUES_HEADING = {"ar": "ما يهمني", "en": "What matters to me"}


class Grid(HTMLParser):
    """The body cells of a page's tables: (data-label, text, [hrefs]); and every form,
    input and textarea with whether it sits inside a <form>."""

    def __init__(self):
        super().__init__()
        self.cells, self.cell, self.forms, self.fields, self.in_form = [], None, 0, [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms += 1
            self.in_form += 1
        if tag in ("input", "textarea") and (attrs.get("id") or "").startswith("values-"):
            self.fields.append((attrs, bool(self.in_form)))
        if tag == "td":
            self.cell = [attrs.get("data-label"), "", []]
        if tag == "a" and self.cell is not None:
            self.cell[2].append(attrs.get("href"))

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form -= 1
        if tag == "td" and self.cell is not None:
            self.cells.append(tuple(self.cell))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[1] += data

    @classmethod
    def of(cls, html):
        parser = cls()
        parser.feed(html)
        return parser


@pytest.fixture
def grids(db):
    call_command("load_corpus", verbosity=0)
    return {key: Article.objects.get(corpus_key=key) for key in GRIDS}


def page(client, article, code):
    with translation.override(code):
        url = article.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_four_grids_are_published_in_their_section_under_review(grids):
    published = set(Article.objects.published().values_list("corpus_key", flat=True))
    for key, article in grids.items():
        assert key in published
        assert article.category.corpus_key == OPTION_GRID_CATEGORY
        assert article.reviewer is not None and article.next_review_due > article.last_reviewed
        assert article.sources.exists(), key
        assert article.live_revision_id is not None, key  # in the editorial workflow


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_evidence_cell_names_a_source_and_no_cell_is_blank(client, grids, code):
    for key, article in grids.items():
        html = page(client, article, code)
        cells = Grid.of(html).cells
        source_urls = {source.url for source in article.sources.all() if source.url}
        evidence = [cell for cell in cells if cell[0] == EVIDENCE[code]]
        assert len(evidence) >= 6, (key, code)
        assert len(cells) == 10 * len(evidence), (key, code)  # ten columns, all labelled
        for label, text, _hrefs in cells:
            assert label and text.strip(), (key, code, label)  # said in words, never blank
        for _label, text, hrefs in evidence:
            assert hrefs, (key, code, text)
            if any(grade in text for grade in GRADES[code]):
                assert set(hrefs) & source_urls, (key, code, text)
                assert set(hrefs) <= source_urls, (key, code, hrefs)
        graded = [text for _l, text, _h in evidence if any(g in text for g in GRADES[code])]
        ungraded = [text for _l, text, _h in evidence if NOT_GRADED[code] in text]
        assert len(graded) + len(ungraded) == len(evidence) - 1, (key, code)  # not doing nothing
        assert len(ungraded) <= 1, (key, code)


def test_both_languages_give_the_same_options_and_the_same_numbers(grids):
    for key, article in grids.items():
        rows = {
            code: [
                line
                for line in getattr(article, f"body_{code}").splitlines()
                if line.startswith("| ")
            ]
            for code in LANGUAGES
        }
        assert len(rows["ar"]) == len(rows["en"]), key
        for arabic, english in zip(rows["ar"], rows["en"], strict=True):
            assert arabic.count(" | ") == english.count(" | "), (key, english[:40])
            numbers = [sorted(re.findall(r"\d+", row)) for row in (arabic, english)]
            assert numbers[0] == numbers[1], (key, english[:40])


@pytest.mark.parametrize("code", LANGUAGES)
def test_what_matters_to_me_is_on_every_grid_and_inside_no_form(client, grids, code):
    for key, article in grids.items():
        html = page(client, article, code)
        assert f'<h2 id="values-heading">{VALUES_HEADING[code]}</h2>' in html, key
        assert "css/option-grid" in html, key  # its card and print styles
        parsed = Grid.of(html)
        # The six questions every grid asks and its goal's own, three answers each, one box.
        asked = 6 + len(GOAL_VALUES.get(key, []))
        assert len(parsed.fields) == asked * 3 + 1, key
        for attrs, in_form in parsed.fields:
            assert not in_form and "form" not in attrs, (key, attrs)
    other = Article.objects.exclude(category__corpus_key=OPTION_GRID_CATEGORY).first()
    html = page(client, other, code)
    assert VALUES_HEADING[code] not in html and "css/option-grid" not in html


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_page_on_who_made_the_grids_is_linked_from_each_and_says_who_sells_what(
    client, grids, code
):
    about = Page.objects.get(corpus_key=ABOUT_GRIDS_PAGE)
    with translation.override(code):
        url = about.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    said = {"ar": "تبيع العيادة الميزوثيرابي", "en": "The clinic sells mesotherapy"}
    assert said[code] in html
    for heading in {
        "ar": ("من يموّلها", "التواريخ والمراجعة"),
        "en": ("Who pays", "Dates and review"),
    }[code]:
        assert heading in html
    for article in grids.values():
        assert f'href="{unquote(url)}"' in unquote(page(client, article, code))


@pytest.mark.parametrize("code", LANGUAGES)
def test_home_and_section_list_lead_to_the_grids(client, grids, code):
    section = Category.objects.get(corpus_key=OPTION_GRID_CATEGORY)
    with translation.override(code):
        section_url = section.get_absolute_url()
        grid_urls = [article.get_absolute_url() for article in grids.values()]
    home = client.get(f"/{code}/").content.decode()
    assert home.count(f'href="{section_url}"') >= 2  # the call to action and the topic list
    listing = client.get(section_url).content.decode()
    for url in grid_urls:
        assert f'href="{url}"' in listing


def test_table_cells_carry_their_columns_heading():
    html = render_markdown("| Option | **Cost** |\n| --- | --- |\n| Wait | None |\n| Pay |\n")
    assert '<td data-label="Option">Wait</td>' in html
    assert '<td data-label="Cost">None</td>' in html
    assert '<td data-label="Option">Pay</td>' in html  # a short row keeps its cells
    untouched = render_markdown('<table><tr><td data-label="x" onclick="y">a</td></tr></table>')
    assert "onclick" not in untouched


def test_the_grid_styles_use_logical_properties_only():
    from pathlib import Path

    css = (Path(__file__).resolve().parents[2] / "static" / "css" / "option-grid.css").read_text()
    physical = r"(?<![\w-])(?:margin|padding|border|inset)-(?:left|right|top|bottom)\b"
    assert re.findall(physical, css) == []
    assert re.findall(r"(?<![\w-])(?:left|right|width|height)\s*:", css) == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_screener_result_leads_to_the_grids(client, grids, code):
    from tests.screener.helpers import answer_all

    section = Category.objects.get(corpus_key=OPTION_GRID_CATEGORY)
    with translation.override(code):
        section_url = section.get_absolute_url()
    result = answer_all(client, {}, language=code).content.decode()
    assert f'class="compare-options d-print-none"><a href="{section_url}"' in result


DECISION = {"ar": "القرار الذي أمامك", "en": "The decision"}
BENEFIT = {
    "ar": "الفائدة: كم شخصًا ينتفع، ومتى، وإلى متى؟",
    "en": "Benefit: for how many, how soon, how long",
}
DAILY_LIFE = {"ar": "التعافي والحياة اليومية", "en": "Recovery and daily life"}
# A benefit cell gives a count ("in 100", hairs) or says in words why there is none.
NO_NUMBERS = {
    "ar": ("لا أرقام موثوقة", "لا رقم", "فلا فائدة تُحصى"),
    "en": (
        "No reliable numbers",
        'No "in 100" figure',
        'No reliable "in 100"',
        "no benefit to count",
    ),
}
COUNTED = {"ar": "من كل 100", "en": "in 100"}


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_grid_states_the_decision_and_each_option_its_benefit_as_fully_as_its_harms(
    client, grids, code
):
    for key, article in grids.items():
        html = page(client, article, code)
        assert f"<strong>{DECISION[code]}" in html, key
        cells = Grid.of(html).cells
        options = [text for label, text, _h in cells if label == cells[0][0]]
        benefits = [text for label, text, _h in cells if label == BENEFIT[code]]
        daily = [text for label, text, _h in cells if label == DAILY_LIFE[code]]
        assert len(benefits) == len(daily) == len(options), key
        for option, benefit in zip(options, benefits, strict=True):
            counted = COUNTED[code] in benefit or re.search(r"\d+ (?:more hairs|شعرة)", benefit)
            said = any(phrase in benefit for phrase in NO_NUMBERS[code])
            assert counted or said, (key, option, benefit)
            if "ميزوثيرابي" in option or "Mesotherapy" in option:
                assert said, (key, option)  # no trial counted it: said, never left out


@pytest.mark.parametrize("code", LANGUAGES)
def test_tranexamic_acid_tablets_say_off_label_and_not_with_the_combined_pill_or_hrt(
    client, grids, code
):
    html = page(client, grids["options-pigmentation-dull-skin"], code)
    cells = Grid.of(html).cells
    start = next(
        i for i, c in enumerate(cells) if "ترانيكساميك" in c[1] or "Tranexamic acid tablets" in c[1]
    )
    row = [text for _label, text, _h in cells[start : start + 10]]
    said = {
        "ar": (
            "خارج دواعي استعماله المعتمدة",
            "منع الحمل الهرمونية المركّبة",
            "العلاج الهرموني التعويضي",
            "جلطة",
        ),
        "en": ("outside its licence", "combined pill", "HRT", "blood clot"),
    }[code]
    for words in said:
        assert any(words in text for text in row), (code, words)


GOAL_QUESTION = {
    "options-hair-loss": {
        "ar": "ألّا أعرّض رغبتي الجنسية أو حالتي النفسية لأي خطر",
        "en": "Avoiding any risk to my sex drive or mood",
    },
    "options-pigmentation-dull-skin": {
        "ar": "عناية يومية أستطيع المواظبة عليها طوال العام، ومنها واقي الشمس",
        "en": "A daily routine, sunscreen included, that I can keep up all year",
    },
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_hair_and_dark_patches_grids_ask_what_drives_their_own_choice(client, grids, code):
    """IPDAS review 4, M6: a daily treatment for years, sex drive or mood, a year-round routine."""
    for key, article in grids.items():
        html = page(client, article, code)
        for goal, question in GOAL_QUESTION.items():
            assert (f"<legend>{question[code]}</legend>" in html) == (key == goal), (key, goal)
