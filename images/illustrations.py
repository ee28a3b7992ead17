"""The site's own drawings, `![…](illustration:<name>)` in an article body: inline SVG whose
labels come from the translation catalogue, so they read in the page's language, and whose
drawing mirrors on a right-to-left page (labels on the inline-end side, time running from
right to left). Shapes only use presentation attributes: the CSP forbids inline styles.

Accessible as one picture: role="img", named by its <title> and described by its <desc>
(the full meaning in a sentence or two); the figure's caption repeats the title."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from mesoinfo import languages

WIDTH = 480  # narrow, labels inside the drawing: legible on a phone without zooming


def label(text, y, x=12, bold=False, anchor="start"):
    """A label at (x, y) as drawn left to right; mirrored for a right-to-left page."""
    return {"text": text, "y": y, "x": x, "bold": bold, "anchor": anchor}


def skin_layers():
    """Where mesotherapy injections go: the layers of the skin, the needle's 1-4 mm, and
    liposuction deep in the fat. Each label sits in its layer; shapes in the template."""
    return {
        "height": 340,
        "title": _("Where mesotherapy injections go in the skin"),
        "description": _(
            "A cut through the skin: the thin outer layer (epidermis), the dermis under it, "
            "then the fat under the skin, above the muscle. The mesotherapy needle is short: "
            "it goes 1 to 4 mm deep, into the dermis. Liposuction works much deeper, with a "
            "tube inside the fat."
        ),
        "labels": [
            label(_("Epidermis (outer layer)"), 61),
            label(_("Dermis"), 100),
            label(_("Mesotherapy needle: 1 to 4 mm deep"), 151, bold=True),
            label(_("Fat under the skin"), 200),
            label(_("Liposuction: a tube deep in the fat"), 263, bold=True),
            label(_("Muscle"), 326),
        ],
    }


def course_timeline():
    """A course of sessions: close together at first, further apart later."""
    return {
        "height": 215,
        "title": _("A course of mesotherapy sessions over time"),
        "description": _(
            "At first, one session every 7 to 10 days. Later in the course, one every two "
            "weeks or once a month. A course is usually 3 to 15 visits."
        ),
        "labels": [
            label(_("At first: every 7 to 10 days"), 40, bold=True),
            label(_("Later: every two weeks or once a month"), 165, 468, True, "end"),
            label(_("A course: usually 3 to 15 visits"), 205),
        ],
    }


DRAWINGS = {"skin-layers": skin_layers, "course-timeline": course_timeline}


def draw(name, language):
    """The drawing's figure in `language`: its words from the catalogue, mirrored for a
    right-to-left language (direction="rtl" turns each label's start and end round too)."""
    with translation.override(language):
        rtl = languages.direction(language) == "rtl"
        data = DRAWINGS[name]()
        labels = [{**item, "x": WIDTH - item["x"] if rtl else item["x"]} for item in data["labels"]]
        return render_to_string(
            f"images/illustrations/{name}.html",
            {**data, "labels": labels, "name": name, "width": WIDTH, "rtl": rtl},
        )


def figures(keys, language):
    """The drawings named `keys`; with language None, each one's description in words."""
    if language is None:
        return {
            key: format_html("<p>{}</p>", DRAWINGS[key]()["description"])
            for key in keys
            if key in DRAWINGS
        }
    return {key: draw(key, language) for key in keys if key in DRAWINGS}
