"""The article admin's readability report: per language, the sentences, the average words
per sentence and the share of long ones, with a warning when the average is too long."""

from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from .readability import LONG_SENTENCE_WORDS, WARN_AVERAGE_WORDS, readability


def warning(result):
    if not result.too_long:
        return ""
    return format_html(
        '<ul class="messagelist"><li class="warning">{}</li></ul>',
        _(
            "More than %(limit)d words per sentence on average: "
            "shorter sentences are easier to read."
        )
        % {"limit": WARN_AVERAGE_WORDS},
    )


def readability_report(article):
    if article is None or article.pk is None:
        return _("Shown once the article has been saved.")
    rows = []
    for code, _name in settings.LANGUAGES:
        result = readability(getattr(article, f"body_{code}"))
        rows.append(
            (
                _(get_language_info(code)["name"]),
                result.sentences,
                result.average_words,
                result.long_share,
                warning(result),
            )
        )
    return format_html(
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th></th></tr>"
        "</thead><tbody>{}</tbody></table>",
        _("language"),
        _("sentences"),
        _("average words per sentence"),
        _("long sentences (over %(limit)d words), %%") % {"limit": LONG_SENTENCE_WORDS},
        format_html_join(
            "", "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", rows
        ),
    )
