"""Each Arabic article and its English pair say the same things: same headings (and
heading ids), same callouts, same cited addresses, same numbers."""

import re
from collections import Counter

import frontmatter
import pytest

from content.corpus_loader import CORPUS_DIR

KEYS = sorted(path.stem for path in CORPUS_DIR.glob("ar/*.md"))
ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def body(code, key):
    return frontmatter.load(CORPUS_DIR / code / f"{key}.md").content


def structure(text):
    """What must match across the two languages of one article."""
    text = text.translate(ARABIC_DIGITS)
    headings = re.findall(r"^(#{2,4}) .*?(\{#[^}]+\})?\s*$", text, flags=re.M)
    addresses = re.findall(r"https?://[^\s)>\]]+", text)
    without_addresses = re.sub(r"https?://[^\s)>\]]+|\]\([^)]*\)", " ", text)
    numbers = re.findall(r"\d+(?:[.,]\d+)?", without_addresses)
    return {
        "headings": [level for level, _ in headings],
        "heading ids": [anchor for _, anchor in headings if anchor],
        "callouts": re.findall(r"^!!! ([a-z-]+)", text, flags=re.M),
        "links": len(re.findall(r"\]\((?:/|https?://)", text)),
        "addresses": sorted(addresses),
        "numbers": Counter(n.replace(",", ".") for n in numbers),
    }


@pytest.mark.parametrize("key", KEYS)
def test_the_two_languages_of_an_article_have_the_same_structure(key):
    arabic, english = structure(body("ar", key)), structure(body("en", key))
    for part in arabic:
        assert arabic[part] == english[part], (key, part)


def test_a_difference_in_structure_is_found():
    arabic = structure('## أ\n\nفي عام ٢٠١٥ ثلاث حقن.\n\n### ب {#x}\n\n!!! urgent "ج"\n    نص')
    english = structure('## A\n\nIn 2015, three shots.\n\n### B {#x}\n\n!!! urgent "C"\n    Text')
    assert arabic == english
    assert structure("## A\n\n2016") != english
    assert structure("## A\n\n### B {#y}") != structure("## A\n\n### B {#x}")


# The evidence scale defined on the evidence article, in the same words in both languages.
SCALE = {
    "no good evidence": "لا أدلة كافية",
    "weak evidence": "دليل ضعيف",
    "moderate evidence": "دليل متوسط",
    "strong evidence": "دليل قوي",
}
GRADED = ["evidence", "side-effects", "who-should-not-have-it", "comparisons", "aftercare"]


def grades(text, language):
    """The grades given in bold, in order, as English grade names."""
    if language == "en":
        names = "|".join(SCALE)
        found = re.findall(rf"\*\*(?:Our grade: )?({names})\b", text, flags=re.I)
        return [grade.lower() for grade in found]
    arabic = {value: key for key, value in SCALE.items()}
    names = "|".join(arabic)
    found = re.findall(rf"\*\*(?:درجة الدليل: )?({names})", text)
    return [arabic[grade] for grade in found]


@pytest.mark.parametrize("key", KEYS)
def test_an_article_gives_the_same_grades_in_both_languages(key):
    assert grades(body("ar", key), "ar") == grades(body("en", key), "en")


@pytest.mark.parametrize("key", [*GRADED, *(k for k in KEYS if k.startswith("type-"))])
def test_a_graded_article_states_its_grade(key):
    assert grades(body("en", key), "en"), key


def test_the_scale_is_defined_once_with_all_four_grades():
    defining = [key for key in KEYS if "{#evidence-scale}" in body("en", key)]
    assert defining == ["evidence"]
    assert set(SCALE) <= set(grades(body("en", "evidence"), "en"))


@pytest.mark.parametrize("code", ["ar", "en"])
@pytest.mark.parametrize("key", ["aftercare", "side-effects"])
def test_safety_pages_give_the_one_triage_scheme_as_care_cards(code, key):
    # <!-- care-cards -->: urgent, same-day and routine cards from clinic/care.py, with
    # the emergency number and what to do the same day filled in from the clinic.
    assert re.search(r"^<!-- care-cards -->$", body(code, key), flags=re.M), (key, code)


@pytest.mark.parametrize("code", ["ar", "en"])
@pytest.mark.parametrize("key", KEYS)
def test_triage_advice_comes_only_from_the_one_scheme(code, key):
    # Hand-written urgent/same-day/routine cards drift from clinic/care.py and showed a
    # bracketed "number not yet provided" when the clinic had no phone.
    text = body(code, key)
    assert not re.search(r"^!!! (urgent|same-day|non-urgent)\b", text, flags=re.M), key
    if key.startswith("type-") or key == "session-and-course":
        assert re.search(r"^<!-- care-cards -->$", text, flags=re.M), key
