"""Links between articles written by id, `[text](article:42)`, as the body editor's link
dialog inserts them: they follow the article when its slug or category changes.

An article that is not on the site (a draft, archived, deleted) leaves its link text only.
"""

import re

from django.utils import translation

ARTICLE_LINK = re.compile(r"\[([^\]\n]+)\]\(article:(\d+)(#[\w\-]+)?\)")


def resolve_article_links(text, language=None):
    """`text` with every article:<id> link replaced by the article's address in `language`."""
    if "](article:" not in (text or ""):
        return text or ""
    from .models import Article

    ids = {int(match.group(2)) for match in ARTICLE_LINK.finditer(text)}
    articles = Article.objects.published().select_related("category").in_bulk(ids)
    language = language or translation.get_language()

    def replace(match):
        label, pk, fragment = match.group(1), int(match.group(2)), match.group(3) or ""
        article = articles.get(pk)
        if article is None:
            return label
        with translation.override(language):
            return f"[{label}]({article.get_absolute_url()}{fragment})"

    return ARTICLE_LINK.sub(replace, text)
