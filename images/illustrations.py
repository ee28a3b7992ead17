"""The site's own drawings, `![…](illustration:<name>)` in an article body: inline SVG whose
labels come from the translation catalogue, so they read in the page's language, and whose
drawing mirrors on a right-to-left page (labels on the inline-end side, time running from
right to left). Shapes only use presentation attributes: the CSP forbids inline styles.

Accessible as one picture: role="img", named by its <title> and described by its <desc>
(the full meaning in a sentence or two); the figure's caption repeats the title."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from mesoinfo import languages

WIDTH = 640


def skin_layers():
    """Where mesotherapy injections go: the layers of the skin, the needle's 1-4 mm, and
    liposuction deep in the fat. (y, text, bold) per label; shapes in the template."""
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
            (60, _("Epidermis (outer layer)"), False),
            (104, _("Dermis"), False),
            (128, _("Mesotherapy needle: 1 to 4 mm deep"), True),
            (200, _("Fat under the skin"), False),
            (256, _("Liposuction: a tube deep in the fat"), True),
            (320, _("Muscle"), False),
        ],
    }


def course_timeline():
    """A course of sessions: close together at first, further apart later."""
    return {
        "height": 200,
        "title": _("A course of mesotherapy sessions over time"),
        "description": _(
            "At first, one session every 7 to 10 days. Later in the course, one every two "
            "weeks or once a month. A course is usually 3 to 15 visits."
        ),
        "labels": [
            (46, _("At first: every 7 to 10 days"), True, 40),
            (46, _("Later: every two weeks or once a month"), True, 330),
            (160, _("A course: usually 3 to 15 visits"), False, 40),
        ],
    }


DRAWINGS = {"skin-layers": skin_layers, "course-timeline": course_timeline}


def mirror(x, rtl):
    return WIDTH - x if rtl else x


def draw(name, language):
    with translation.override(language):
        rtl = languages.direction(language) == "rtl"
        data = DRAWINGS[name]()
        return render_to_string(
            f"images/illustrations/{name}.html",
            {
                **data,
                "name": name,
                "width": WIDTH,
                "rtl": rtl,
                "labels": [
                    {
                        "y": label[0],
                        "text": label[1],
                        "bold": label[2],
                        # Skin: labels in a column beside the drawing; timeline: above its part.
                        "x": mirror(label[3] if len(label) > 3 else 400, rtl),
                    }
                    for label in data["labels"]
                ],
                "lang": language,
            },
        )


def figures(keys, language):
    return {key: draw(key, language) for key in keys if key in DRAWINGS}
