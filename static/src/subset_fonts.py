"""Subsets the site's web fonts with fontTools (pyftsubset): run after changing the ranges.

Sources: Debian's fonts-noto-core (NotoSansArabic-*.ttf, NotoSans-*.ttf; OFL 1.1, see
static/fonts/OFL-LICENSE.txt). `apt-get download fonts-noto-core && dpkg-deb -x *.deb x`,
then: python static/src/subset_fonts.py x/usr/share/fonts/truetype/noto

Two faces per weight, one family: the Arabic letters the site writes with, plus the Latin
digits and punctuation that Noto Sans Arabic draws itself; and the rest of the Latin
punctuation Arabic text uses (brackets, quotes, slash, percent...) from Noto Sans, so no
character of an Arabic sentence falls back to a system font. site.css declares the same
ranges in its @font-face rules: keep them in step.
"""

import subprocess
import sys
from pathlib import Path

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
FACES = [
    ("NotoSansArabic-Regular.ttf", ARABIC, "noto-sans-arabic-400.woff2"),
    ("NotoSansArabic-Bold.ttf", ARABIC, "noto-sans-arabic-700.woff2"),
    ("NotoSans-Regular.ttf", PUNCTUATION, "noto-sans-punctuation-400.woff2"),
    ("NotoSans-Bold.ttf", PUNCTUATION, "noto-sans-punctuation-700.woff2"),
]


def main(source):
    for name, unicodes, target in FACES:
        subprocess.run(  # noqa: S603 - fixed arguments
            [
                sys.executable, "-m", "fontTools.subset", str(Path(source) / name),
                f"--unicodes={unicodes}", "--flavor=woff2", f"--output-file={FONTS / target}",
                "--no-hinting", "--desubroutinize",
                "--name-IDs=0,1,2,3,4,5,6,13,14", "--name-legacy", "--drop-tables+=DSIG",
            ],
            check=True,
        )  # fmt: skip
        print(f"{target}: {(FONTS / target).stat().st_size / 1024:.1f} KB")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/noto")
