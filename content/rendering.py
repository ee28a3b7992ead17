"""Article bodies: Markdown written by staff, turned into HTML that is safe to show."""

import markdown
import nh3
from django.utils.translation import get_language_info

from .bidi import isolate_latin

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "caption", "code", "em", "h2", "h3", "h4", "hr", "li",
    "ol", "p", "span", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title", "lang", "dir"},
    "span": {"lang", "dir"},
    "th": {"scope"},
    # Headings may carry an id ("### Stroke {#stroke}") so that other pages can link to them.
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
}


def render_markdown(text, language=None):
    """Markdown to sanitised HTML: no script, no event handler, no style survives.

    For a right-to-left `language` (an Arabic page), Latin runs are isolated (bidi.py)."""
    html = markdown.markdown(text or "", extensions=["tables", "sane_lists", "attr_list"])
    html = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )
    return isolate_latin(html) if language and get_language_info(language)["bidi"] else html
