"""Article bodies: Markdown written by staff, turned into HTML that is safe to show."""

import re

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
    # Where an embedded picture goes (see EMBEDS): replaced after sanitising.
    "div": {*components.ALLOWED_ATTRIBUTES["div"], "data-embed"},
}
EXTENSIONS = ["tables", "sane_lists", "attr_list", "admonition", "toc"]
# Headings keep the ids written as {#id}; the others get one from their words (Arabic
# letters kept), so the "On this page" links and links from other pages find them.
EXTENSION_CONFIGS = {"toc": {"slugify": slugify_unicode, "toc_depth": "2-2"}}
# The same list under the name content/preview.py looks for: its "will be removed" pass
# must read a box's second paragraph (indented) as the box's, not as a code block.
MARKDOWN_EXTENSIONS = EXTENSIONS


# Pictures and illustrations in a body, `![text](scheme:key)` on a line of their own. The
# app that draws a scheme registers it (images/apps.py): a function (keys, language) ->
# {key: trusted HTML}. Each embed stands as an empty marker while the body is converted and
# sanitised, and its HTML goes in after, so the sanitiser never has to allow <img> or <svg>
# from what staff type. An unknown or refused key leaves nothing.
EMBEDS = {}
EMBED = re.compile(r"!\[[^\]\n]*\]\(([a-z]+):([\w-]+)\)")
MARKER = re.compile(r'<div data-embed="(\d+)"></div>')


def register_embed(scheme, draw):
    EMBEDS[scheme] = draw


def mark_embeds(text):
    """(text with each embed replaced by a numbered marker, [(scheme, key), ...])."""
    found = []

    def marker(match):
        if match.group(1) not in EMBEDS:
            return match.group(0)
        found.append((match.group(1), match.group(2)))
        return f'\n\n<div data-embed="{len(found) - 1}"></div>\n\n'

    return EMBED.sub(marker, text), found


def draw_embeds(html, found, language):
    if not found and "data-embed" not in html:
        return html
    drawn = {}
    for scheme in {scheme for scheme, _key in found}:
        keys = [key for s, key in found if s == scheme]
        for key, markup in EMBEDS[scheme](keys, language).items():
            drawn[scheme, key] = markup

    def replace(match):
        number = int(match.group(1))
        return drawn.get(found[number], "") if number < len(found) else ""

    return MARKER.sub(replace, html)


def undrawable_embeds(text):
    """The embeds of `text` that the page will leave out (an unknown key, a picture that
    may not be shown), as (scheme, key) pairs, for the body editor's warnings."""
    _text, found = mark_embeds(text or "")
    missing = []
    for scheme in {scheme for scheme, _key in found}:
        keys = [key for s, key in found if s == scheme]
        drawn = EMBEDS[scheme](keys, None)
        missing += [(scheme, key) for key in dict.fromkeys(keys) if key not in drawn]
    return missing


def render_markdown(text, language=None, contents=False):
    """Markdown to sanitised HTML: no script, no event handler, no style survives.

    With `contents`, a long body starts with its "On this page" list; for a right-to-left
    `language` (an Arabic page), Latin runs are isolated (bidi.py)."""
    md = markdown.Markdown(
        extensions=[*EXTENSIONS, components.ComponentsExtension()],
        extension_configs=EXTENSION_CONFIGS,
    )
    text, embeds = mark_embeds(resolve_article_links(text, language))
    html = md.convert(text)
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
    if language and get_language_info(language)["bidi"]:
        html = isolate_latin(html)
    return draw_embeds(html, embeds, language)
