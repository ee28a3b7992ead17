"""The body editor's live preview: the page's real rendering, its reading level, and
what the sanitizer will remove, computed on the server so the editor sees the truth."""

import re

import markdown
from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from mesoinfo.validators import validate_markdown_shape

from . import contributions, rendering
from .readability import readability
from .rendering import ALLOWED_TAGS, render_markdown

# Characters: the longest article is about 12,000; a longer text is refused, not cut.
MAX_BODY = 50_000
TAG_RE = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b")
# The extensions of rendering.render_markdown (this is the HTML before sanitizing); when
# rendering.py names its list MARKDOWN_EXTENSIONS, that list is used.
EXTENSIONS = getattr(rendering, "MARKDOWN_EXTENSIONS", ["tables", "sane_lists", "attr_list"])


def removed_by_sanitizer(text):
    """Readable warnings for each kind of element the sanitizer drops from `text`."""
    # A picture or drawing inserted as `![…](image:<id>)` is drawn by the page: not dropped.
    raw = markdown.markdown(rendering.mark_embeds(text or "")[0], extensions=EXTENSIONS)
    dropped = sorted({tag.lower() for tag in TAG_RE.findall(raw)} - set(ALLOWED_TAGS))
    warnings = []
    for tag in dropped:
        if tag == "h1":
            warnings.append(
                _(
                    "A level-1 heading (#) is shown as plain text: the article's title is "
                    "its only level-1 heading. Start headings at ## instead."
                )
            )
        elif tag == "img":
            warnings.append(
                _(
                    "A picture from an address is left out of the page. Insert pictures "
                    "from the site's image library with the “Image” button."
                )
            )
        else:
            warnings.append(
                _(
                    "The HTML tag <%(tag)s> is not allowed: the page drops it and the "
                    "formatting it gives. Write Markdown instead (for example **bold**)."
                )
                % {"tag": tag}
            )
    return warnings


def left_out_embeds(text):
    """A warning for each picture or drawing the page will leave out."""
    return [
        _(
            "The picture “%(reference)s” will not be shown: it is not in the image library, "
            "or it shows a patient whose written consent is not recorded."
        )
        % {"reference": f"{scheme}:{key}"}
        for scheme, key in rendering.undrawable_embeds(text)
    ]


def preview(text, language):
    """What the page will show for a body `text` written in `language`."""
    result = readability(text)
    # As the page draws it (content_tags.markdown over filled_body): the clinic's details
    # written in, the "On this page" list of a long body, labels in the body's language, so
    # this preview and the full one agree; the warnings stay in the staff member's.
    with translation.override(language):
        html = render_markdown(contributions.filled(text), language, contents=True)
    return {
        "html": html,
        "words": result.words,
        "average_words": result.average_words,
        "too_long": result.too_long,
        "warnings": removed_by_sanitizer(text) + left_out_embeds(text),
    }


@method_decorator(staff_member_required, name="dispatch")
class BodyPreviewView(View):
    """POST text and language (CSRF-protected, staff only): the preview as JSON."""

    http_method_names = ["post"]

    def post(self, request):
        text = request.POST.get("text", "")
        language = request.POST.get("language")
        if language not in dict(settings.LANGUAGES):
            return JsonResponse({"error": _("Unknown language.")}, status=400)
        if len(text) > MAX_BODY:
            message = ngettext(
                "The text is longer than %(count)d character, more than an article needs.",
                "The text is longer than %(count)d characters, more than an article needs.",
                MAX_BODY,
            ) % {"count": MAX_BODY}
            return JsonResponse({"error": message}, status=400)
        try:
            validate_markdown_shape(text)
            data = preview(text, language)
        except ValidationError as error:
            return JsonResponse({"error": " ".join(error.messages)}, status=400)
        except RecursionError:
            return JsonResponse({"error": _("This text is nested too deeply to show.")}, status=400)
        data["summary"] = _("%(words)d words, %(average)s words per sentence on average") % {
            "words": data["words"],
            "average": data["average_words"],
        }
        if data["too_long"]:
            data["summary"] += " " + _("(shorter sentences are easier to read)")
        return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
