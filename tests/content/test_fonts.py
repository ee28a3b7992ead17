"""The Arabic web font draws every character an Arabic page writes: its letters, digits and
punctuation never fall back to a system font in the middle of a sentence."""

import re
import unicodedata
from pathlib import Path

import polib
import pytest
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent.parent
FONTS = ROOT / "static" / "fonts"
CSS = (ROOT / "static" / "css" / "site.css").read_text()


def declared_faces():
    """(file, weight, set of code points) for each @font-face of the Arabic family."""
    faces = []
    for block in re.findall(r"@font-face\s*{(.*?)}", CSS, re.DOTALL):
        if "Noto Sans Arabic" not in block:
            continue
        name = re.search(r"fonts/([\w-]+\.woff2)", block).group(1)
        weight = re.search(r"font-weight:\s*(\d+)", block).group(1)
        points = set()
        for start, end in re.findall(r"U\+([0-9A-F]+)(?:-([0-9A-F]+))?", block):
            points.update(range(int(start, 16), int(end or start, 16) + 1))
        faces.append((name, weight, points))
    return faces


def arabic_text():
    texts = [path.read_text() for path in (ROOT / "content" / "corpus").glob("**/ar/*.md")]
    catalogue = polib.pofile(str(ROOT / "locale" / "ar" / "LC_MESSAGES" / "django.po"))
    texts += [entry.msgstr for entry in catalogue if not entry.obsolete]
    return "".join(texts)


def test_each_face_draws_exactly_the_range_the_stylesheet_gives_it():
    faces = declared_faces()
    assert len(faces) == 2  # one per weight: Arabic and Latin punctuation merged
    for name, _weight, points in faces:
        drawn = set(TTFont(FONTS / name).getBestCmap())
        assert points - drawn == set(), f"{name} lacks characters its unicode-range promises"


@pytest.mark.parametrize("weight", ["400", "700"])
def test_every_character_of_arabic_text_has_a_glyph(weight):
    covered = set()
    for _name, face_weight, points in declared_faces():
        if face_weight == weight:
            covered |= points
    # Latin words, accented ones too («Cárdenas»), are set in a Latin face: the renderer
    # marks them lang="en" (content/bidi.py) and site.css gives [lang="en"] that face.
    # Invisible format characters (direction isolates, joiners) draw nothing.
    used = {
        ord(c)
        for c in arabic_text()
        if not (c.isalpha() and "LATIN" in unicodedata.name(c, ""))
        and c > " "
        and unicodedata.category(c) != "Cf"
    }
    used -= {ord("\n"), ord("\t")}
    missing = sorted(chr(point) for point in used - covered)
    assert missing == [], f"no Arabic-page glyph for {missing}"


@pytest.mark.django_db
def test_every_arabic_weight_is_preloaded_or_swapped(client):
    """Bold Arabic (the home page's button, the brand, the footer, urgent headings) never
    falls back to a system bold on a first view: each weight's Arabic face is preloaded,
    and the bold face, if late, swaps in instead of being dropped."""
    html = client.get("/ar/").content.decode()
    for name, weight, _points in declared_faces():
        if name.startswith("noto-sans-arabic-"):
            assert f"fonts/{name}" in html, f"{name} ({weight}) is not preloaded"
    for block in re.findall(r"@font-face\s*{(.*?)}", CSS, re.DOTALL):
        if "font-weight: 700" in block:
            assert re.search(r"font-display:\s*(swap|fallback)", block), block
    assert 'html[lang="ar"] :is(h1' in CSS and "font-weight: 700; /* the Arabic face" in CSS
    assert "noto-sans-arabic" not in client.get("/en/").content.decode()
