import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from content.bidi import isolate_text
from content.models import Article, Category, Page
from content.rendering import render_markdown
from content.structured_data import json_ld_script
from mesoinfo import languages

register = template.Library()
RTL_LETTER = re.compile(r"[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]")


@register.filter
def markdown(text):
    """Render an article body for the page's language (with its "On this page" list when it
    is long); the HTML is sanitised before it is marked safe, and on an Arabic page its
    Latin runs are isolated."""
    return mark_safe(render_markdown(text, contents=True, language=get_language()))  # noqa: S308 - sanitised by nh3


@register.filter
def text_direction(language):
    """ "rtl", "ltr" or "auto" for text in `language` (a source in a language the site is
    not written in takes the direction of its own letters)."""
    return languages.direction(language)


@register.filter
def address_in_reading_order(address):
    """A web address printed for someone to read and type: left to right, each path segment
    in Arabic (or another right-to-left script) isolated, so that the segments keep the
    order of the path and each reads as written (J2-4, T3)."""
    parts = re.split(r"(/)", str(address))
    return mark_safe(  # noqa: S308 - every part is escaped
        "".join(
            f"<bdi>{escape(part)}</bdi>" if RTL_LETTER.search(part) else escape(part)
            for part in parts
        )
    )


@register.simple_tag
def json_ld(data):
    """The JSON-LD data block for `data`."""
    return json_ld_script(data)


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(page):
    """The trail from the home page to `page`: an article (through its section), a section,
    a standing page, or the title of a page with no object of its own."""
    crumbs = []
    if isinstance(page, Article):
        crumbs.append({"label": page.category.name, "url": page.category.get_absolute_url()})
    if isinstance(page, Category):
        label = page.name
    elif isinstance(page, Article | Page):
        label = page.title
    else:
        label = page
    crumbs.append({"label": label, "url": None})
    return {"crumbs": crumbs}


@register.inclusion_tag("content/independent_help.html")
def independent_help(article):
    """The "Where to find independent help" block for `article` (content/independent_help.py),
    its names and reasons with their Latin runs isolated on a right-to-left page."""
    from content.independent_help import links_for, reporting_links

    rtl = languages.direction(get_language()) == "rtl"

    def shown(link):
        name, why = str(link.name), str(link.why)
        if rtl:
            name, why = mark_safe(isolate_text(name)), mark_safe(isolate_text(why))  # noqa: S308 - escaped by isolate_text
        return {"url": link.url, "name": name, "why": why, "language": link.language}

    return {
        "links": [shown(link) for link in links_for(article)],
        "reporting": [shown(link) for link in reporting_links()],
    }
