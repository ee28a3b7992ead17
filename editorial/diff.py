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

from content import declaration, rendering
from content.models import Article
from content.rendering import render_markdown
from mesoinfo import languages

TOKENS = re.compile(r"\n+|[^\s]+")
# A library picture in a body stands in the compared text as one word, before its alt text
# and caption, and is drawn there as a small picture: a reviewer signs off what patients
# will see, not only its description.
PICTURE_SCHEME = "image"
PICTURE_WORD = re.compile(r"\u27e6" + PICTURE_SCHEME + r":(\d+)\u27e7")
PICTURE_WIDTH = "8rem"
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
            html = render_markdown(picture_words(expand(fill_placeholders(value))))
            text = strip_tags(BLOCK_END.sub(r"\g<0>\n", html)).strip()
            # The picture's word joins its description's paragraph.
            return re.sub(r"(\u27e6[^\u27e7\s]+\u27e7)\s*\n+", r"\1 ", text)
    field = declaration.base_field(Article, key)
    if field.many_to_many:
        return "\n".join(str(s) for s in field.related_model.objects.filter(pk__in=value))
    if field.is_relation:
        return str(field.related_model.objects.filter(pk=value).first() or value)
    if isinstance(field, BooleanField):
        return str(_("yes") if value else _("no"))
    return str(value)


def picture_words(text):
    """Each library picture's word, in its own paragraph, before the picture."""

    def before(match):
        if match.group(1) != PICTURE_SCHEME:
            return match.group(0)
        return f"\n\n\u27e6{PICTURE_SCHEME}:{match.group(2)}\u27e7\n\n{match.group(0)}"

    return rendering.EMBED.sub(before, text)


def with_pictures(html, code):
    """`html` (escaped words) with each picture's word drawn as a small picture in
    language `code`; a picture the page would leave out shows nothing, as on the page."""
    keys = PICTURE_WORD.findall(html)
    draw = rendering.EMBEDS.get(PICTURE_SCHEME)
    if not keys or draw is None:
        return html
    drawn = {}
    for key, figure in draw(keys, code).items():
        img = re.search(r"<img [^>]*>", figure)
        if img:
            # The small rendition (the browser chooses from srcset), the description
            # beside it, not read twice.
            tag = re.sub(r'sizes="[^"]*"', f'sizes="{PICTURE_WIDTH}"', img.group(0))
            drawn[key] = re.sub(r'alt="[^"]*"', 'alt=""', tag).replace(
                "<img ", '<img class="compare-picture" ', 1
            )
    picture = PICTURE_WORD.sub(lambda m: drawn.get(m.group(1), ""), html)
    return mark_safe(picture)  # noqa: S308 - escaped words and the library's own <img>


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
                "html": with_pictures(
                    word_diff(before, after) if before != after else escape(after), code
                ),
            }
        )
    return rows
