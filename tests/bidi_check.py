"""Finds Latin or number runs that an Arabic page shows outside a bidi isolate.

Defined independently of content/bidi.py, so that the renderer is checked, not restated.
On a page whose <html> is dir="rtl", text is *isolated* when it is inside an element with
dir="ltr" (or <bdo dir="ltr">), or, in title and option (which cannot hold markup), between
the Unicode isolate marks LRI/FSI … PDI. Script, style, textarea, template, pre and svg are
not text a reader sees laid out. Outside an isolate, a text node may hold:
- no Latin letter at all (brand names such as MesoInfo included: they go in an isolate);
- no "+" followed by a digit (an international phone number);
- no two digit groups separated only by spaces («051 234 5678»);
- no run of seven or more digits.
A lone number, a date or a range («3»، «2026»، «10-15»، «20%») is allowed: the Unicode
bidi algorithm keeps it in order.
"""

import re
from html.parser import HTMLParser

LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
SPACED_DIGITS = re.compile(r"\d[ \t\u00A0\u202F]+\d")
PLUS_DIGIT = re.compile(r"\+\s*\d")
LONG_DIGITS = re.compile(r"\d{7,}")
MARKED = re.compile("[\u2066\u2068][^\u2069]*\u2069")
SKIP = {"script", "style", "textarea", "template", "pre", "svg", "math"}
NO_MARKUP = {"title", "option"}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "source", "base"}


def bad_run(text):
    """The first part of `text` that needs an isolate, or None."""
    for pattern in (LATIN, PLUS_DIGIT, SPACED_DIGITS, LONG_DIGITS):
        found = pattern.search(text)
        if found:
            start = max(0, found.start() - 20)
            return text[start : found.end() + 20].strip()
    return None


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = [(None, "ltr")]  # (tag, "rtl" | "ltr" | "skip" | "plain")
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        context = self.stack[-1][1]
        direction = (attrs.get("dir") or "").lower()
        if context == "skip" or tag in SKIP:
            context = "skip"
        elif direction == "ltr":
            context = "ltr"
        elif direction in ("rtl", "auto") or tag == "bdi":
            context = "rtl"
        if tag in NO_MARKUP and context == "rtl":
            context = "plain"
        self.stack.append((tag, context))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break

    def handle_data(self, data):
        context = self.stack[-1][1]
        if context == "plain":
            data = MARKED.sub(" ", data)
        if context in ("rtl", "plain"):
            run = bad_run(data)
            if run:
                self.found.append(run)


def unisolated_runs(html):
    """The Latin or number runs of an Arabic page shown outside an isolate."""
    checker = _Checker()
    checker.feed(html)
    checker.close()
    return checker.found


RENDERER_ISOLATE = re.compile(r'<span dir="ltr"(?: lang="en")?>([^<]*)</span>')


def without_isolates(html):
    """`html` without the spans the renderer adds, for tests that look for a sentence."""
    return RENDERER_ISOLATE.sub(r"\1", html)
