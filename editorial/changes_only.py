"""The review's "changes only" view: for long texts, only the paragraphs that changed,
each marked word by word, so a reviewer need not scroll through a whole article."""

import difflib

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .diff import field_keys, label_for, readable, with_pictures, word_diff


def paragraphs(text):
    return [part.strip() for part in text.split("\n") if part.strip()]


def changed_paragraphs(before, after):
    """HTML of the changed paragraphs only, with "…" where unchanged ones were left out."""
    old, new = paragraphs(before), paragraphs(after)
    parts = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append('<p class="unchanged">…</p>')
            continue
        pairs = list(zip(old[i1:i2], new[j1:j2], strict=False))
        for a, b in pairs:
            parts.append(f"<p>{word_diff(a, b)}</p>")
        for a in old[i1 + len(pairs) : i2]:
            parts.append(f"<p><del>{escape(a)}</del></p>")
        for b in new[j1 + len(pairs) : j2]:
            parts.append(f"<p><ins>{escape(b)}</ins></p>")
    return mark_safe("".join(parts))  # noqa: S308 - word_diff and escape escape every word


def compare_changes_only(old, new):
    rows = []
    for key, label, code in field_keys():
        before, after = readable(key, old.get(key), code), readable(key, new.get(key), code)
        if before == after:
            continue
        long_text = "\n" in before or "\n" in after
        rows.append(
            {
                "label": label_for(label, code),
                "lang": code,
                "dir": "rtl" if code == "ar" else ("ltr" if code else "auto"),
                "changed": True,
                "html": with_pictures(
                    changed_paragraphs(before, after) if long_text else word_diff(before, after),
                    code,
                ),
            }
        )
    return rows
