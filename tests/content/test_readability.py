"""Plain English: every published English page reads at a reading age of about 9 to 11.

The Flesch-Kincaid grade is measured on a page's prose, paragraph by paragraph (each
paragraph, list item and table cell counts as at least one sentence, so a heading-like
fragment never joins the sentence after it). The house target is grade 6 or below; the test
fails above 7 and prints every page's grade, so an editor sees which page drifts.

textstat is pinned to 0.7.8 (see pyproject.toml): later releases download a pronunciation
dictionary at run time, which cannot work offline.
"""

import re

import frontmatter
import pytest
import textstat

from content.corpus_loader import CORPUS_DIR

LIMIT = 7.0
ARTICLES = sorted(CORPUS_DIR.glob("en/*.md"))
PAGES = sorted((CORPUS_DIR / "pages").glob("en/*.md"))


def published(path):
    """An article is published when its Arabic twin (which holds the metadata) says so."""
    twin = CORPUS_DIR / "ar" / path.name
    if not twin.exists():
        return True
    return frontmatter.load(twin).get("status", "published") == "published"


def prose(markdown):
    """The text a reader reads: one unit per paragraph, list item or table cell."""
    units = []
    for block in re.split(r"\n\s*\n", markdown):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines or lines[0].startswith("#"):
            continue
        if all(line.startswith("|") for line in lines):
            for line in lines:
                if re.fullmatch(r"\|[\s:|-]+\|?", line):
                    continue
                units += [cell.strip() for cell in line.strip("|").split("|")]
            continue
        current = []
        for line in lines:
            line = re.sub(r'^!!! [a-z-]+(?: "(.*)")?$', r"\1", line)
            if re.match(r"^([-*]|\d+\.) ", line):
                if current:
                    units.append(" ".join(current))
                current = [re.sub(r"^([-*]|\d+\.) ", "", line)]
            else:
                current.append(line)
        units.append(" ".join(current))
    text = []
    for unit in units:
        unit = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", unit)  # links keep their words
        unit = re.sub(r"https?://\S+|\{[a-z_]+\}|\{#[^}]+\}|[*_`]", "", unit).strip()
        if not re.search(r"[A-Za-z]", unit):
            continue
        text.append(unit if unit[-1] in ".!?:;" else unit + ".")
    return "\n".join(text)


def grade(path):
    return textstat.flesch_kincaid_grade(prose(frontmatter.load(path).content))


@pytest.mark.parametrize(
    "path", [p for p in [*ARTICLES, *PAGES] if published(p)], ids=lambda p: p.stem
)
def test_english_page_reads_at_grade_7_or_below(path):
    score = grade(path)
    print(f"{path.parent.name}/{path.stem}: Flesch-Kincaid grade {score:.1f}")
    assert score <= LIMIT, f"{path.stem} reads at grade {score:.1f} (limit {LIMIT})"


def test_the_measure_tells_plain_from_hard_text():
    plain = "The cat sat on the mat. It was warm. The dog came in and lay down too."
    hard = (
        "Intradermal administration of pharmacologically heterogeneous compositions "
        "demonstrates considerable interindividual variability regarding therapeutic "
        "effectiveness, necessitating methodologically rigorous randomised investigation."
    )
    assert textstat.flesch_kincaid_grade(prose(plain)) <= LIMIT
    assert textstat.flesch_kincaid_grade(prose(hard)) > LIMIT


def test_prose_keeps_words_and_drops_markup():
    text = prose(
        '## Heading\n\n!!! urgent "Call {emergency_number} now if:"\n    - you faint\n\n'
        "| A | B |\n|---|---|\n| one | two |\n\nSee the [page](/en/x/) now"
    )
    assert "Heading" not in text and "{" not in text and "/en/x/" not in text
    assert text.splitlines() == [
        "Call  now if:",
        "you faint.",
        "A.",
        "B.",
        "one.",
        "two.",
        "See the page now.",
    ]
