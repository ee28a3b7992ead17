"""Article bodies: Markdown written by staff, turned into HTML that is safe to show."""

import markdown
import nh3
from django.utils.translation import get_language_info
from markdown.extensions.toc import slugify_unicode

from . import components
from .bidi import isolate_latin
from .internal_links import resolve_article_links

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "caption", "code", "em", "h2", "h3", "h4", "hr", "li",
    "ol", "p", "span", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
    "div", "section", "nav",  # the design-system components (components.py)
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
    **components.ALLOWED_ATTRIBUTES,
}
EXTENSIONS = ["tables", "sane_lists", "attr_list", "admonition", "toc"]
# Headings keep the ids written as {#id}; the others get one from their words (Arabic
# letters kept), so the "On this page" links and links from other pages find them.
EXTENSION_CONFIGS = {"toc": {"slugify": slugify_unicode, "toc_depth": "2-2"}}


def render_markdown(text, language=None, contents=False):
    """Markdown to sanitised HTML: no script, no event handler, no style survives.

    With `contents`, a long body starts with its "On this page" list; for a right-to-left
    `language` (an Arabic page), Latin runs are isolated (bidi.py)."""
    md = markdown.Markdown(
        extensions=[*EXTENSIONS, components.ComponentsExtension()],
        extension_configs=EXTENSION_CONFIGS,
    )
    html = md.convert(resolve_article_links(text, language))
    if contents:
        html = components.contents(md.toc_tokens) + html
    html = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=components.ALLOWED_CLASSES,
        attribute_filter=components.attribute_filter,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )
    return isolate_latin(html) if language and get_language_info(language)["bidi"] else html
