"""What an article needs before it may be published: both languages, a review, a source."""

from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

TRANSLATED_FIELDS = {
    "title": _("title"),
    "slug": _("slug"),
    "summary": _("summary"),
    "body": _("body"),
}


def missing_for_publishing(values, sources):
    """The names of what is missing, in the editor's language; [] when it may be published.

    `values` maps field names (title_ar, reviewer, last_reviewed, ...) to the values
    about to be saved; `sources` is the list (or queryset) of chosen sources.
    """
    missing = []
    for code, _name in settings.LANGUAGES:
        language = _(get_language_info(code)["name"])
        for field, label in TRANSLATED_FIELDS.items():
            if not str(values.get(f"{field}_{code}") or "").strip():
                missing.append(
                    _("%(field)s (%(language)s)") % {"field": label, "language": language}
                )
    if not values.get("reviewer"):
        missing.append(_("a medical reviewer"))
    if not values.get("last_reviewed"):
        missing.append(_("the date of the last review"))
    if not values.get("next_review_due"):
        missing.append(_("the date the next review is due"))
    if not sources:
        missing.append(_("at least one source"))
    return missing
