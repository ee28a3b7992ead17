"""Text typed by visitors, made safe to show to staff and to write to a terminal or a CSV.

Invisible characters (Unicode categories Cc and Cf: control characters, ANSI escape
sequences, bidi overrides, zero-width characters) are removed, except the line breaks of a
message. Used by every visitor form (the consultation request, the feedback comment).
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

# ANSI/VT100 escape sequences (CSI ... final byte, OSC ... BEL/ST, and two-byte escapes),
# removed whole so that no "[31m" is left behind when the ESC goes.
ANSI_ESCAPE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]{0,64}[ -/]{0,16}[@-~]"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]{0,512}(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[@-Z\\-_]"
)
INVISIBLE = {"Cc", "Cf"}


def clean_visitor_text(value, multiline=False):
    """`value` without escape sequences and invisible characters; tabs become spaces and,
    in a multi-line text, line breaks stay (as \\n)."""
    if not value:
        return value
    value = ANSI_ESCAPE.sub("", value).replace("\t", " ")
    if multiline:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    kept = (
        char
        for char in value
        if unicodedata.category(char) not in INVISIBLE or (multiline and char == "\n")
    )
    return "".join(kept).strip()


def validate_has_a_letter(value):
    """A name is written with at least one letter, in any script."""
    if not any(unicodedata.category(char).startswith("L") for char in value):
        raise ValidationError(
            _("Enter your name using letters, for example “Layla Ahmad”."), code="no_letter"
        )


class VariedPasswordValidator:
    """A password is not one character or one short piece said again and again
    ("aaaaaaaaaaaa", "abcabcabcabc", "121212121212"): its length is then no guard. It needs
    `min_distinct` different characters, and must not be a repeated piece."""

    def __init__(self, min_distinct=6):
        self.min_distinct = min_distinct

    def validate(self, password, user=None):
        text = password.casefold()
        repeated = re.fullmatch(r"(.+?)\1+", text, flags=re.DOTALL)
        if len(set(text)) < self.min_distinct or repeated:
            raise ValidationError(self.message(), code="password_too_repetitive")

    def message(self):
        return ngettext(
            "This password repeats the same characters too much. Use at least %(count)d "
            "different character, not one short piece typed again and again.",
            "This password repeats the same characters too much. Use at least %(count)d "
            "different characters, not one short piece typed again and again.",
            self.min_distinct,
        ) % {"count": self.min_distinct}

    def get_help_text(self):
        return self.message()


# Markdown that Python-Markdown takes minutes or its whole recursion limit to render:
# thousands of open brackets or parentheses in one paragraph ("[" * 20000), or a line of
# list markers nested in one another ("1. " * 5000). No article needs either.
MAX_MARKDOWN_DEPTH = 8
# Markers (a bullet, "1." or ">" and a space) nested one in another at a line's start.
MARKER = r"[ \t]*(?:[-*+]|\d{1,9}[.)]|>)[ \t]+"
NESTED_MARKERS = re.compile(f"^(?:{MARKER}){{{MAX_MARKDOWN_DEPTH + 1},}}", re.M)


def validate_markdown_shape(text):
    """Refuse Markdown nested deeper than any article is (the renderer's time and recursion
    grow with the depth); the message says what to change."""
    if NESTED_MARKERS.search(text):
        raise ValidationError(
            _("A line starts with too many list or quote markers. Put each item on its own line."),
            code="nested_markers",
        )
    for paragraph in re.split(r"\n[ \t]*\n", text):
        for opening, closing in ("[]", "()"):
            depth = 0
            for char in paragraph:
                if char == opening:
                    depth += 1
                elif char == closing and depth:
                    depth -= 1
                if depth > MAX_MARKDOWN_DEPTH:
                    raise ValidationError(
                        _(
                            "This text has too many “%(bracket)s” brackets inside one another "
                            "or left open. Close each bracket, or remove the extra ones."
                        )
                        % {"bracket": opening},
                        code="nested_brackets",
                    )


def validate_single_line(value):
    """A title is one line of visible text: no line break, tab or other control or
    invisible formatting character (it becomes an e-mail subject and a page's <title>)."""
    if any(unicodedata.category(char) == "Cc" for char in value):
        raise ValidationError(
            _("Write the title on one line, without line breaks or tabs."), code="control_character"
        )
