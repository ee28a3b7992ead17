"""Automatic bidi isolation: Latin and number runs inside Arabic text are marked left-to-right.

Editors, staff and the site's own templates write "يحتوي Kybella على 10 mg" or a licence
«12-R-3456» as plain text; on a right-to-left page the renderer wraps each such run in
`<span dir="ltr" lang="en">` (`<span dir="ltr">` when it holds no Latin letter), so that
each run keeps its own order and its neighbours keep theirs. The whole page passes through
here once (content/template_backend.py): public pages, e-mails and the admin alike.

What is a run that needs isolating (`needs_isolation`): a sequence of Latin letters or
digits, joined by spaces or the punctuation of addresses, doses and codes, that holds a
Latin letter, or starts with "+", or holds two or more groups of digits separated by a
space (a phone number: the Unicode bidi algorithm lays such groups out right to left), or
seven digits or more. A lone number, date or range («3»، «2026»، «10-15»، «20%») reads
right as it is and is left alone.

Only text is touched, never attributes. Inside an element with dir="ltr" nothing more is
needed; script, style, pre, textarea and template are copied as they are; code, kbd and
samp get dir="ltr"; title and option cannot hold markup, so their runs are isolated with
the Unicode isolate characters (LRI … PDI). One pass over the HTML, one regular expression
per text node: linear time.
"""

import re
from html import escape
from html.parser import HTMLParser

from mesoinfo import languages

# A run: words of Latin letters or digits (with the punctuation that lives inside
# e-mail addresses, URLs, doses and brand names), separated by spaces. The word class
# holds no space, so the repetition cannot backtrack more than linearly.
_WORD = r"\(?[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F.,@:/?#=&%+_~'’()\-]*"
_SPACE = r"[ \t\u00A0]+(?:[&+/\-\u2013][ \t\u00A0]+)?"
RUN_RE = re.compile(rf"\+?{_WORD}(?:{_SPACE}\+?{_WORD})*")
LATIN_RE = re.compile(r"[A-Za-z\u00C0-\u024F]")
DIGIT_RE = re.compile(r"\d")
DIGIT_GROUPS_RE = re.compile(r"\d[ \t\u00A0]+\d")
PHONE_DIGITS = 7  # a run of digits without letters is a phone number from this many digits
TRAILING = ".,:;!?'’"
LRI, PDI = "\u2066", "\u2069"
VERBATIM = {"script", "style", "pre", "textarea", "template", "svg", "math"}
NO_MARKUP = {"title", "option"}
CODE = {"code", "kbd", "samp"}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "source", "base"}


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


def needs_isolation(run):
    """Whether a run of Latin letters or digits would be reordered inside Arabic text."""
    return bool(
        LATIN_RE.search(run)
        or run.startswith("+")
        or DIGIT_GROUPS_RE.search(run)
        or len(DIGIT_RE.findall(run)) >= PHONE_DIGITS
    )


def _pieces(text):
    """(text before, run or None, text after) for every run of `text`, in order."""
    last = 0
    for match in RUN_RE.finditer(text):
        run = match.group(0)
        start, end = _trim(run)
        core = run[start:end]
        if needs_isolation(core):
            yield text[last : match.start() + start], core
            last = match.start() + end
    yield text[last:], None


def isolate_text(text):
    """Plain text to HTML with every run that needs it isolated left-to-right."""
    out = []
    for before, run in _pieces(text):
        out.append(escape(before, quote=False))
        if run is not None:
            lang = ' lang="en"' if LATIN_RE.search(run) else ""
            out.append(f'<span dir="ltr"{lang}>{escape(run, quote=False)}</span>')
    return "".join(out)


def isolate_plain(text):
    """Plain text (an e-mail, a title) with every such run between LRI and PDI."""
    out = []
    for before, run in _pieces(text):
        out.append(before)
        if run is not None:
            out.append(f"{LRI}{run}{PDI}")
    return "".join(out)


def isolate_plain_for(language, text):
    """A plain-text e-mail's text in `language`: isolated if that language is right-to-left."""
    found = languages.table().get(language)
    return isolate_plain(text) if found and found.is_rtl else text


class _Isolator(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        # For each open element: "rtl" (isolate inside), "ltr" (nothing to do), "verbatim",
        # or "plain" (no markup allowed: isolate characters).
        self.stack = [(None, "rtl")]

    def handle_starttag(self, tag, attrs):
        text = self.get_starttag_text()
        names = dict(attrs)
        context = self.stack[-1][1]
        if tag in CODE and "dir" not in names and context == "rtl":
            text = f'<{text[1 : len(tag) + 1]} dir="ltr"{text[len(tag) + 1 :]}'
            names["dir"] = "ltr"
        self.out.append(text)
        if tag in VOID:
            return
        if context == "verbatim" or tag in VERBATIM:
            context = "verbatim"
        elif tag in NO_MARKUP:
            context = "plain" if context == "rtl" else context
        elif (names.get("dir") or "").lower() == "ltr" or tag == "bdo":
            context = "ltr" if tag != "bdo" or names.get("dir") == "ltr" else "rtl"
        elif (names.get("dir") or "").lower() in ("rtl", "auto") or tag == "bdi":
            context = "rtl"
        self.stack.append((tag, context))

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        # Close up to the matching element: HTML lets some end tags be left out (p, li).
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break

    def handle_data(self, data):
        context = self.stack[-1][1]
        if context == "verbatim":
            # script and style arrive raw; pre, textarea and template were unescaped.
            self.out.append(data if self.cdata_elem else escape(data, quote=False))
        elif context == "plain":
            self.out.append(escape(isolate_plain(data), quote=False))
        elif context == "rtl":
            self.out.append(isolate_text(data))
        else:
            self.out.append(escape(data, quote=False))

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")


def isolate_latin(html):
    """The HTML of a right-to-left page or fragment, with its Latin and number runs
    isolated left-to-right."""
    if not html or not LATIN_RE.search(html) and not DIGIT_RE.search(html):
        return html
    parser = _Isolator()
    parser.feed(html)
    parser.close()
    return "".join(parser.out)
