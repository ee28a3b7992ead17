"""The screener's questions say what the "who should not" article says."""

import re

import frontmatter
from django.utils import translation

from content.corpus_loader import CORPUS_DIR
from screener.questions import question


def article(code):
    return frontmatter.load(CORPUS_DIR / code / "who-should-not-have-it.md").content


def section(text, number):
    match = re.search(rf"\{{#condition-{number}\}}\n(.*?)\n### ", text, flags=re.S)
    return match.group(1)


def test_pregnancy_names_the_ingredients_known_to_harm_a_baby_in_both_places():
    with translation.override("en"):
        hint = str(question(1).hint)
    assert "finasteride and dutasteride" in hint and "known to harm" in hint
    assert "Finasteride and dutasteride" in section(article("en"), 1)
    with translation.override("ar"):
        hint = str(question(1).hint)
    assert "الفيناسترايد والدوتاسترايد" in hint and "الفيناسترايد والدوتاسترايد" in article("ar")


def test_clots_and_bleeding_disorders_are_told_apart_in_both_places():
    for code, too_easily, too_little in (
        ("en", "clots too easily", "clots too little"),
        ("ar", "يتخثر أكثر من اللازم", "أقل من اللازم"),
    ):
        with translation.override(code):
            hint = str(question(4).hint)
        text = section(article(code), 4)
        for words in (too_easily, too_little):
            assert words in hint and words in text, (code, words)


def test_diabetes_turns_on_blood_sugar_control_and_heart_medicines_on_anaphylaxis():
    with translation.override("en"):
        assert "blood sugar is controlled" in str(question(2).hint)
        assert "severe allergic reaction" in str(question(6).hint)
    assert "blood sugar is controlled" in section(article("en"), 2)
    assert "anaphylaxis" in section(article("en"), 6)


def test_heart_question_names_the_ace_inhibitors_the_article_names_in_both_languages():
    for code, words in (
        ("en", ("blood pressure", "ramipril", "lisinopril", "bisoprolol")),
        ("ar", ("ضغط الدم", "الراميبريل", "الليسينوبريل", "البيسوبرولول")),
    ):
        with translation.override(code):
            text = str(question(6).text) + str(question(6).hint)
        for word in words:
            assert word in text, (code, word)
        assert words[1] in article(code) and words[2] in article(code)
