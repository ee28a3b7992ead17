"""Two snapshots side by side: each field per language, as readers see it, words marked."""

import difflib
import re

from django.db.models import BooleanField
from django.utils import translation
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from content import declaration
from content.models import Article
from content.rendering import render_markdown
from mesoinfo import languages

TOKENS = re.compile(r"\n+|[^\s]+")
BLOCK_END = re.compile(
    r"</(?:p|h[1-6]|li|div|dt|dd|tr|th|td|blockquote|figcaption|summary|aside)>|<br\s*/?>"
)


def field_keys():
    """(key, label, language code or None), in the order the compare shows them: every
    field the article versions, labelled by the model's own verbose names."""
    return declaration.compared_fields(Article)


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


def readable(key, value, code=None):
    """The text a reader would see for a field's value; a body in its own language `code`,
    so its callouts' labels are in the body's language, not the admin's (J3-9)."""
    if value in (None, "", []):
        return ""
    if key in declaration.per_language("body"):
        from clinic.placeholders import fill_placeholders
        from content.option_cards import expand

        with translation.override(code or translation.get_language()):
            # As the page shows it: the care cards, a grid's options and the clinic's
            # details written in (review D13: the cards were invisible), each block on its
            # own line (a callout's title and text ran together).
            html = render_markdown(expand(fill_placeholders(value)))
            return strip_tags(BLOCK_END.sub(r"\g<0>\n", html)).strip()
    field = declaration.base_field(Article, key)
    if field.many_to_many:
        return "\n".join(str(s) for s in field.related_model.objects.filter(pk__in=value))
    if field.is_relation:
        return str(field.related_model.objects.filter(pk=value).first() or value)
    if isinstance(field, BooleanField):
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
        before, after = readable(key, old.get(key), code), readable(key, new.get(key), code)
        rows.append(
            {
                # A row heading starts with a capital, as the form's labels do (D13).
                "label": capfirst(label_for(label, code)),
                "lang": code,
                "dir": languages.direction(code or ""),
                "changed": before != after,
                "html": word_diff(before, after) if before != after else escape(after),
            }
        )
    return rows
