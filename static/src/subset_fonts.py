"""Subsets the site's web fonts with fontTools (pyftsubset): run after changing the ranges.

Sources: Debian's fonts-noto-core (NotoSansArabic-*.ttf, NotoSans-*.ttf; OFL 1.1, see
static/fonts/OFL-LICENSE.txt). `apt-get download fonts-noto-core && dpkg-deb -x *.deb x`,
then: python static/src/subset_fonts.py x/usr/share/fonts/truetype/noto

One face per weight: the Arabic letters the site writes with, plus the Latin digits and
punctuation that Noto Sans Arabic draws itself; merged with the rest of the Latin
punctuation Arabic text uses (brackets, quotes, slash, percent...) taken from Noto Sans, so
no character of an Arabic sentence falls back to a system font, and a first visit fetches
two faces (both preloaded) instead of four. Both fonts have 1000 units per em, and the
merged face keeps Noto Sans Arabic's taller line metrics, so lines are as high as before.
site.css declares the same ranges in its @font-face rules: keep them in step.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from fontTools.merge import Merger
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parent.parent / "fonts"

# Arabic letters, harakat, Arabic-Indic digits and signs, a few letters for foreign names
# (پ چ ڤ ک گ ی), joiners and direction marks; Noto Sans Arabic's own Latin: space, ! , - . :
# digits, guillemets and no-break space.
ARABIC = (
    "U+0020-0021,U+002C-002E,U+0030-003A,U+00A0,U+00AB,U+00BB,U+060C,U+061B,U+061F,"
    "U+0621-063A,U+0640-0652,U+0660-066D,U+0670,U+067E,U+0686,U+06A4,U+06A9,U+06AF,"
    "U+06CC,U+200C-200F"
)
# The Latin punctuation that Noto Sans Arabic lacks.
PUNCTUATION = (
    "U+0022-002B,U+002F,U+003B-0040,U+005B-005F,U+007B-007E,U+00B0,U+00D7,U+2013-2014,"
    "U+2018-201D,U+2022,U+2026"
)
# (Arabic source, Latin source, face): the Arabic font first, so its metrics and names win.
FACES = [
    ("NotoSansArabic-Regular.ttf", "NotoSans-Regular.ttf", "noto-sans-arabic-400.woff2"),
    ("NotoSansArabic-Bold.ttf", "NotoSans-Bold.ttf", "noto-sans-arabic-700.woff2"),
]


def subset(source, unicodes, target):
    subprocess.run(  # noqa: S603 - fixed arguments
        [
            sys.executable, "-m", "fontTools.subset", str(source), f"--unicodes={unicodes}",
            f"--output-file={target}", "--no-hinting", "--desubroutinize",
            "--name-IDs=0,1,2,3,4,5,6,13,14", "--name-legacy", "--drop-tables+=DSIG",
        ],
        check=True,
    )  # fmt: skip


def main(source):
    with tempfile.TemporaryDirectory() as work:
        for arabic, latin, target in FACES:
            parts = [Path(work) / arabic, Path(work) / latin]
            subset(Path(source) / arabic, ARABIC, parts[0])
            subset(Path(source) / latin, PUNCTUATION, parts[1])
            face = Merger().merge([str(part) for part in parts])
            # The merge takes the larger x-height and cap height (Noto Sans's), which move
            # `vertical-align: middle` and `ex`: keep the Arabic font's. And its dates (the
            # merge stamps the time of the run): a rerun gives the same bytes.
            first = TTFont(parts[0])
            for name in ("sxHeight", "sCapHeight"):
                setattr(face["OS/2"], name, getattr(first["OS/2"], name))
            face["head"].created = first["head"].created
            face["head"].modified = first["head"].modified
            face.recalcTimestamp = False
            face.flavor = "woff2"
            face.save(FONTS / target)
            print(f"{target}: {(FONTS / target).stat().st_size / 1024:.1f} KB")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/noto")
