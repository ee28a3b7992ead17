"""What an article needs before it may be published: both languages, a review, a source."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from . import declaration
from .models import Article


def missing_for_publishing(values, sources):
    """The names of what is missing, in the editor's language; [] when it may be published.

    `values` maps field names (title_ar, reviewer, last_reviewed, ...) to the values
    about to be saved; `sources` is the list (or queryset) of chosen sources.
    """
    missing = []
    for code, _name in settings.LANGUAGES:
        language = _(get_language_info(code)["name"])
        for field in Article.required_fields:
            label = declaration.label(Article, field)
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


# The fields whose change makes a new "last changed" date for readers.
LIVE_TEXT_FIELDS = {
    name for field in Article.page_text_fields for name in declaration.per_language(field)
}


def record_publication(article, when=None, text_changed=True):
    """Note on `article` (unsaved) that its text went live at `when` (default: now).

    The first publication sets first_published_at; every publication that changes the
    live text sets content_modified_at. The page, its JSON-LD and the sitemap show these.
    """
    when = when or timezone.now()
    if article.first_published_at is None:
        article.first_published_at = when
    if text_changed or article.content_modified_at is None:
        article.content_modified_at = when
