"""Marking the words of a query in a piece of text, escaped for HTML."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .text import words

PREFIX_MIN_LENGTH = 4


def is_hit(text_forms, wanted):
    return any(
        form in wanted or any(form.startswith(w) for w in wanted if len(w) >= PREFIX_MIN_LENGTH)
        for form in text_forms
    )


def highlight(text, wanted, language, width=None):
    """`text` (or about `width` words of it around the first match), matches in <mark>.

    `wanted` is the set of stems to mark. Returns (safe HTML, whether anything matched).
    """
    text = text or ""
    found = list(words(text, language))
    hits = [i for i, (_w, forms, _s, _e) in enumerate(found) if is_hit(forms, wanted)]
    low, high = 0, len(found)
    if width and len(found) > width:
        low = max((hits[0] if hits else 0) - width // 3, 0)
        high = min(low + width, len(found))
    begin = found[low][2] if low > 0 else 0
    end = found[high - 1][3] if high < len(found) else len(text)
    pieces, position = [], begin
    for i in hits:
        if low <= i < high:
            _w, _forms, start, stop = found[i]
            if start < position:  # another word of the same written word (ﷺ)
                continue
            pieces += [escape(text[position:start]), f"<mark>{escape(text[start:stop])}</mark>"]
            position = stop
    pieces.append(escape(text[position:end]))
    html = " ".join("".join(pieces).split())
    if begin > 0:
        html = "… " + html
    if end < len(text.rstrip()):
        html += " …"
    return mark_safe(html), bool(hits)  # noqa: S308 - every piece of text is escaped above
