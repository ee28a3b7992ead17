"""Automatic bidi isolation: Latin runs inside Arabic text are marked left-to-right.

Editors write "يحتوي Kybella على 10 mg" as plain text; on an Arabic page the renderer
wraps "Kybella" and "10 mg" (and e-mail addresses, web addresses, phone numbers) in
`<span dir="ltr" lang="en">` (`<span dir="ltr">` for a phone number), so that each run
keeps its own order and its neighbours keep theirs. Only text nodes are touched, never
attributes, and never the inside of an element that already declares its own `dir` or
`lang` (the hand-written spans of older texts are left as they are, not wrapped twice)
or of `code`. One pass over the HTML, one regular expression per text node: linear time.
"""

import re
from html import escape
from html.parser import HTMLParser

# A run: words of Latin letters or digits (with the punctuation that lives inside
# e-mail addresses, URLs, doses and brand names), separated by spaces. The word class
# holds no space, so the repetition cannot backtrack more than linearly.
_WORD = r"\(?[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F.,@:/?#=&%+_~'’()\-]*"
_SPACE = r"[ \t\u00A0]+(?:[&+/\-\u2013][ \t\u00A0]+)?"
RUN_RE = re.compile(rf"\+?{_WORD}(?:{_SPACE}\+?{_WORD})*")
LATIN_RE = re.compile(r"[A-Za-z\u00C0-\u024F]")
DIGIT_RE = re.compile(r"\d")
PHONE_DIGITS = 7  # a run of digits without letters is a phone number from this many digits
TRAILING = ".,:;!?'’"
SKIP_INSIDE = {"code", "pre", "script", "style", "bdi", "bdo", "textarea"}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "source"}


def _trim(run):
    """The run without trailing punctuation and unbalanced brackets: those belong to the
    Arabic sentence around it."""
    start, end = 0, len(run)
    while True:
        before = (start, end)
        while end > start and run[end - 1] in TRAILING:
            end -= 1
        piece = run[start:end]
        if piece.endswith(")") and piece.count(")") > piece.count("("):
            end -= 1
        piece = run[start:end]
        if piece.startswith("(") and piece.count("(") > piece.count(")"):
            start += 1
        if (start, end) == before:
            return start, end


def _wrap(match):
    run = match.group(0)
    start, end = _trim(run)
    core = run[start:end]
    if LATIN_RE.search(core):
        opening = '<span dir="ltr" lang="en">'
    elif len(DIGIT_RE.findall(core)) >= PHONE_DIGITS or core.startswith("+"):
        opening = '<span dir="ltr">'
    else:
        return escape(run, quote=False)  # a plain number or date reads right as it is
    return (
        escape(run[:start], quote=False)
        + opening
        + escape(core, quote=False)
        + "</span>"
        + escape(run[end:], quote=False)
    )


def isolate_text(text):
    """Plain text to HTML with every Latin run, phone number or dose isolated."""
    out, last = [], 0
    for match in RUN_RE.finditer(text):
        out.append(escape(text[last : match.start()], quote=False))
        out.append(_wrap(match))
        last = match.end()
    out.append(escape(text[last:], quote=False))
    return "".join(out)


class _Isolator(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.stack = []  # for each open element: does it stop isolation inside it?

    def _skipping(self):
        return any(self.stack)

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag not in VOID:
            names = {name for name, _ in attrs}
            self.stack.append(tag in SKIP_INSIDE or bool(names & {"dir", "lang"}))

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        self.out.append(escape(data, quote=False) if self._skipping() else isolate_text(data))

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")


def isolate_latin(html):
    """Sanitised HTML of an Arabic page, with its Latin runs isolated left-to-right."""
    if not html or not LATIN_RE.search(html) and not DIGIT_RE.search(html):
        return html
    parser = _Isolator()
    parser.feed(html)
    parser.close()
    return "".join(parser.out)
