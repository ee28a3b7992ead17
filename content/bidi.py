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
from html import escape, unescape

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


MARKED_RE = re.compile("([\u2066-\u2068][^\u2069]*\u2069)")


def isolate_plain(text):
    """Plain text (an e-mail, a title) with every such run between LRI and PDI (runs
    already between isolate marks are left as they are)."""
    out = []
    for index, part in enumerate(MARKED_RE.split(text)):
        if index % 2:
            out.append(part)
            continue
        for before, run in _pieces(part):
            out.append(before)
            if run is not None:
                out.append(f"{LRI}{run}{PDI}")
    return "".join(out)


def isolate_plain_for(language, text):
    """A plain-text e-mail's text in `language`: isolated if that language is right-to-left."""
    found = languages.table().get(language)
    return isolate_plain(text) if found and found.is_rtl else text


# One token at a time: a comment, a doctype or other declaration, a start or end tag (its
# attributes may hold ">" only inside quotes), or the text up to the next "<".
TOKEN_RE = re.compile(
    r"<!--.*?-->"
    r"|<![^>]*>"
    r"|<\?[^>]*>"
    r"|<(?P<end>/)?(?P<tag>[A-Za-z][\w:-]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
    r"|[^<]+|<",
    re.DOTALL,
)
DIR_RE = re.compile(r"""\sdir\s*=\s*["']?(\w+)""", re.IGNORECASE)
RAW_TEXT = {"script", "style"}  # their text may hold "<": skipped to their end tag


def _child_context(tag, attrs, context):
    """The isolation context inside a new element (see _contexts)."""
    if context == "verbatim" or tag in VERBATIM:
        return "verbatim"
    if tag in NO_MARKUP:
        return "plain" if context == "rtl" else context
    found = DIR_RE.search(attrs)
    direction = found.group(1).lower() if found else ""
    if direction == "ltr":
        return "ltr"
    if direction in ("rtl", "auto") or tag == "bdi":
        return "rtl"
    return context


def _text(raw, context):
    """A text node's HTML with its runs isolated; left byte for byte when nothing needs it."""
    if context in ("ltr", "verbatim") or not (LATIN_RE.search(raw) or DIGIT_RE.search(raw)):
        return raw
    data = unescape(raw)
    if not any(run for _before, run in _pieces(MARKED_RE.sub(" ", data))):
        return raw
    if context == "plain":
        return escape(isolate_plain(data), quote=False)
    return isolate_text(data)


def isolate_latin(html):
    """The HTML of a right-to-left page or fragment, with its Latin and number runs
    isolated left-to-right.

    Contexts, one per open element: "rtl" (isolate inside), "ltr" (an element with
    dir="ltr": nothing to do), "verbatim" (script, style, pre, textarea...: copied) and
    "plain" (title, option: no markup allowed, so isolate characters)."""
    if not html or not LATIN_RE.search(html) and not DIGIT_RE.search(html):
        return html
    out, stack, position = [], [(None, "rtl")], 0
    while position < len(html):
        token = TOKEN_RE.match(html, position)
        text, position = token.group(0), token.end()
        tag = (token.group("tag") or "").lower()
        context = stack[-1][1]
        if not tag:
            out.append(_text(text, context) if not text.startswith("<") or text == "<" else text)
        elif token.group("end"):
            out.append(text)
            # Close up to the matching element: HTML lets some end tags be left out (p, li).
            for depth in range(len(stack) - 1, 0, -1):
                if stack[depth][0] == tag:
                    del stack[depth:]
                    break
        else:
            attrs = token.group("attrs")
            if tag in CODE and context == "rtl" and not DIR_RE.search(attrs):
                attrs = f' dir="ltr"{attrs}'
                text = f"<{token.group('tag')}{attrs}>"
            out.append(text)
            if tag in RAW_TEXT:
                end = html.lower().find(f"</{tag}", position)
                end = len(html) if end == -1 else end
                out.append(html[position:end])
                position = end
            elif tag not in VOID and not attrs.rstrip().endswith("/"):
                stack.append((tag, _child_context(tag, attrs, context)))
    return "".join(out)
