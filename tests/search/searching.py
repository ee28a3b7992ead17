"""The search as a visitor on a page in one language runs it."""

from django.utils import translation

from content.models import Article
from search.query import search_articles


def search(query, language):
    """The results of `query` over the published articles, on a `language` page."""
    with translation.override(language):
        return search_articles(Article.objects.published(), query, language)
