"""Two snapshots side by side: each field per language, as readers see it, words marked."""

import difflib
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from content.models import Category, Reviewer, Source
from content.publishing import TRANSLATED_FIELDS
from content.rendering import render_markdown

from .workflow import LANGUAGE_CODES

SHARED_FIELDS = {
    "category": _("category"),
    "reviewer": _("medical reviewer"),
    "author": _("author"),
    "last_reviewed": _("last reviewed"),
    "next_review_due": _("next review due"),
    "published_at": _("go-live date"),
    "expires_at": _("expiry date"),
    "featured": _("featured on the home page"),
    "order": _("order in its category"),
    "sources": _("sources"),
}
TOKENS = re.compile(r"\n+|[^\s]+")


def field_keys():
    """(key, label, language code or None), in the order the compare shows them."""
    keys = [
        (f"{field}_{code}", label, code)
        for code in LANGUAGE_CODES
        for field, label in TRANSLATED_FIELDS.items()
    ]
    return keys + [(key, label, None) for key, label in SHARED_FIELDS.items()]


def changed_fields(old, new):
    """The labels of the fields that differ, e.g. ["next review due"]."""
    return [
        label_for(label, code) for key, label, code in field_keys() if old.get(key) != new.get(key)
    ]


def label_for(label, code):
    if code is None:
        return str(label)
    return _("%(field)s (%(language)s)") % {
        "field": label,
        "language": _(get_language_info(code)["name"]),
    }


def readable(key, value):
    """The text a reader would see for a field's value."""
    if value in (None, "", []):
        return ""
    if key.startswith("body_"):
        return strip_tags(render_markdown(value)).strip()
    if key == "category":
        return str(Category.objects.filter(pk=value).first() or value)
    if key == "reviewer":
        return str(Reviewer.objects.filter(pk=value).first() or value)
    if key == "sources":
        return "\n".join(str(s) for s in Source.objects.filter(pk__in=value))
    if key == "featured":
        return str(_("yes") if value else _("no"))
    return str(value)


def word_diff(old, new):
    """HTML of the new text with deletions in <del> and insertions in <ins>."""
    a, b = TOKENS.findall(old), TOKENS.findall(new)
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(join(a[i1:i2]))
            continue
        if tag in ("delete", "replace"):
            parts.append(f"<del>{join(a[i1:i2])}</del>")
        if tag in ("insert", "replace"):
            parts.append(f"<ins>{join(b[j1:j2])}</ins>")
    return mark_safe(" ".join(parts))  # noqa: S308 - every word escaped in join()


def join(tokens):
    return " ".join("<br>" if token.startswith("\n") else escape(token) for token in tokens)


def compare(old, new):
    """One row per field: label, language, whether it changed, the marked-up text."""
    rows = []
    for key, label, code in field_keys():
        before, after = readable(key, old.get(key)), readable(key, new.get(key))
        rows.append(
            {
                "label": label_for(label, code),
                "lang": code,
                "dir": "rtl" if code == "ar" else ("ltr" if code else "auto"),
                "changed": before != after,
                "html": word_diff(before, after) if before != after else escape(after),
            }
        )
    return rows
