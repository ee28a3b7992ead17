"""The option grids' own tags: where their "About these option grids" page lives."""

from django import template

from ..models import Category, Page

register = template.Library()

OPTION_GRID_CATEGORY = "choices"  # the corpus key of the "Compare your options" section
ABOUT_GRIDS_PAGE = "about-option-grids"  # its IPDAS statement: makers, funding, conflicts


@register.filter
def is_option_grid(article):
    """True for an article in the "Compare your options" section."""
    category = getattr(article, "category", None)
    return getattr(category, "corpus_key", None) == OPTION_GRID_CATEGORY


@register.simple_tag
def about_grids_url():
    """The address of the page saying who made the grids, or "" if staff removed it."""
    page = Page.objects.filter(corpus_key=ABOUT_GRIDS_PAGE).first()
    return page.get_absolute_url() if page else ""


@register.simple_tag
def option_grids_url():
    """The address of the "Compare your options" section, or "" if staff removed it."""
    section = Category.objects.filter(corpus_key=OPTION_GRID_CATEGORY).first()
    return section.get_absolute_url() if section else ""
