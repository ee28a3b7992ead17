"""Marking the words of a query in a piece of text, escaped for HTML."""

from itertools import islice

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .text import words

PREFIX_MIN_LENGTH = 4


def matcher(wanted):
    """A test of a word's forms: one of them is wanted, or begins with a wanted stem of
    PREFIX_MIN_LENGTH letters or more."""
    prefixes = tuple(stem for stem in wanted if len(stem) >= PREFIX_MIN_LENGTH)
    return lambda forms: any(form in wanted or form.startswith(prefixes) for form in forms)


def is_hit(forms, wanted):
    return matcher(wanted)(forms)


def highlight(text, wanted, language, width=None):
    """`text` (or about `width` words of it around the first match), matches in <mark>.

    `wanted` is the set of stems to mark. Returns (safe HTML, whether anything matched).
    The text is read only as far as the window needs.
    """
    text = text or ""
    hit = matcher(wanted)
    stream = words(text, language)
    found, first = [], None
    for word in stream:
        found.append(word)
        if hit(word[1]):
            first = len(found) - 1
            break
    if first is None and width:
        found = found[:width]  # no match: the caller shows something else
    low = max(first - width // 3, 0) if width and first is not None else 0
    found = found[low:]
    if width:
        found += islice(stream, max(width - len(found), 0))
        more = next(stream, None) is not None
    else:
        found += stream
        more = False
    begin = found[0][2] if low > 0 and found else 0
    end = found[-1][3] if more and found else len(text)
    pieces, position, matched = [], begin, False
    for _word, forms, start, stop in found:
        if start < position or not hit(forms):  # another word of one written word (ﷺ)
            continue
        pieces += [escape(text[position:start]), f"<mark>{escape(text[start:stop])}</mark>"]
        position, matched = stop, True
    pieces.append(escape(text[position:end]))
    html = " ".join("".join(pieces).split())
    if begin > 0:
        html = "… " + html
    if end < len(text.rstrip()):
        html += " …"
    return mark_safe(html), matched  # noqa: S308 - every piece of text is escaped above
