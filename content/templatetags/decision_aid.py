"""The option grids' own tags: where their "About these option grids" page lives, and the
articles the home page's "Before you decide" links to."""

from django import template
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..models import Article, Category, Page

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


# The articles the home page's "Before you decide" links to, by corpus key.
DECISION_ARTICLES = {
    "what-is-mesotherapy": "about",
    "evidence": "evidence",
    "side-effects": "risks",
}


@register.simple_tag
def decision_links():
    """{"about", "evidence", "risks": the article, for those on the site; "grids": the
    option grids in their section's order}, in one query."""
    found = (
        Article.objects.published()
        .select_related("category")
        .filter(Q(corpus_key__in=DECISION_ARTICLES) | Q(category__corpus_key=OPTION_GRID_CATEGORY))
    )
    links = {"grids": []}
    for article in found:
        if article.category.corpus_key == OPTION_GRID_CATEGORY:
            links["grids"].append(article)
        else:
            links[DECISION_ARTICLES[article.corpus_key]] = article
    return links


# "What matters to me": what drives the choice for one goal only, asked after the six
# questions every grid asks (IPDAS: values about the features of *these* options). By the
# grid's corpus key; a grid staff create asks the six.
GOAL_VALUES = {
    "options-hair-loss": [
        ("daily", _("Not having to take or put on something every day for years")),
        ("sex-mood", _("Avoiding any risk to my sex drive or mood")),
    ],
    "options-pigmentation-dull-skin": [
        ("routine", _("A daily routine, sunscreen included, that I can keep up all year")),
    ],
}


@register.simple_tag
def goal_values(article):
    """[(name, question)] this grid asks beyond the six every grid asks."""
    return GOAL_VALUES.get(getattr(article, "corpus_key", None), [])
