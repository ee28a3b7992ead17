"""The PostgreSQL side of content.search: its full-text search over the normalised columns.

Imported only when the database is PostgreSQL. The columns already hold normalised
words, so the 'simple' configuration (lower case, no stemming, no stop words) is
the right one: it leaves the words as content.search wrote them.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import Case, F, IntegerField, Value, When

from .search import PREFIX_MIN_LENGTH

CONFIG = "simple"


def tsquery(terms):
    """Every word required; a word of three letters or more also matches as a prefix.

    The words contain letters and digits only (content.search.WORD_RE), so they
    cannot break the query syntax.
    """
    parts = [f"{word}:*" if len(word) >= PREFIX_MIN_LENGTH else word for word in terms]
    return SearchQuery(" & ".join(parts), search_type="raw", config=CONFIG)


def ranked(queryset, terms, columns):
    """Matching articles: all words in the title first, then by ts_rank.

    The title weighs A, the summary B and the body C.
    """
    query = tsquery(terms)
    vector = (
        SearchVector(columns["title"], weight="A", config=CONFIG)
        + SearchVector(columns["summary"], weight="B", config=CONFIG)
        + SearchVector(columns["body"], weight="C", config=CONFIG)
    )
    return (
        queryset.annotate(
            search_document=vector,
            search_title=SearchVector(columns["title"], config=CONFIG),
        )
        .filter(search_document=query)
        .annotate(
            title_match=Case(
                When(search_title=query, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
            rank=SearchRank(F("search_document"), query),
        )
        .order_by(F("title_match").desc(), F("rank").desc(), "pk")
    )
