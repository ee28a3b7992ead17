"""The Arabic glossary: one term per concept, and no banned variant anywhere in Arabic."""

import re
from pathlib import Path

import polib
import pytest
import yaml

from content.corpus_loader import CORPUS_DIR

GLOSSARY = CORPUS_DIR / "glossary.yaml"
CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "ar" / "LC_MESSAGES" / "django.po"
MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # diacritics and tatweel


def normalise(text):
    return MARKS.sub("", text)


def glossary():
    return yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))


def arabic_texts():
    """{where: text} for every Arabic article, standing page and catalogue entry."""
    texts = {}
    for path in sorted([*CORPUS_DIR.glob("ar/*.md"), *CORPUS_DIR.glob("pages/ar/*.md")]):
        texts[str(path.relative_to(CORPUS_DIR))] = path.read_text(encoding="utf-8")
    for entry in polib.pofile(str(CATALOGUE)):
        texts[f"django.po: {entry.msgid[:40]!r}"] = " ".join(
            [entry.msgstr, *entry.msgstr_plural.values()]
        )
    return texts


def banned_variants_in(texts, entries):
    found = []
    for entry in entries:
        for variant in entry.get("banned", []):
            for where, text in texts.items():
                if normalise(variant) in normalise(text):
                    found.append(f"{where}: {variant!r} (write {entry['term']!r})")
    return found


def test_each_concept_has_one_term_and_banned_variants_are_not_terms():
    entries = glossary()
    terms = [entry["term"] for entry in entries]
    assert len(terms) == len(set(terms))
    banned = {variant for entry in entries for variant in entry.get("banned", [])}
    for entry in entries:
        assert entry["en"] and entry["term"], entry
        assert entry["term"] not in banned, entry
        assert not set(entry.get("lay", [])) & banned, entry


def test_no_banned_variant_in_the_arabic_corpus_or_catalogue():
    assert banned_variants_in(arabic_texts(), glossary()) == []


def test_the_check_finds_a_banned_variant():
    entries = [{"term": "الآثار الجانبية", "banned": ["الأعراض الجانبية"]}]
    texts = {"x.md": "ما الأعراضُ الجانبية؟"}  # a diacritic does not hide it
    assert banned_variants_in(texts, entries) == [
        "x.md: 'الأعراض الجانبية' (write 'الآثار الجانبية')"
    ]


@pytest.mark.parametrize(
    "term",
    [
        "الآثار الجانبية",
        "حقن تفتيت الدهون",
        "الأدوية المسيلة للدم",
        "الأدمة",
        "متنقّر",
        "جلسة تبريد",
    ],
)
def test_the_articles_use_the_glossary_terms(term):
    corpus = " ".join(normalise(p.read_text(encoding="utf-8")) for p in CORPUS_DIR.glob("ar/*.md"))
    assert normalise(term) in corpus
