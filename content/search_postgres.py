"""The PostgreSQL side of content.search: its full-text search over the normalised columns.

Imported only when the database is PostgreSQL. The columns already hold normalised
words, so the 'simple' configuration (lower case, no stemming, no stop words) is
the right one: it leaves the words as content.search wrote them.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F, Q

from .search import ORDERING, PREFIX_MIN_LENGTH, field_ranking

CONFIG = "simple"


def tsquery(terms):
    """Every word required; a word of three letters or more also matches as a prefix.

    The words contain letters and digits only (content.search.WORD_RE), so they
    cannot break the query syntax.
    """
    parts = [f"{word}:*" if len(word) >= PREFIX_MIN_LENGTH else word for word in terms]
    return SearchQuery(" & ".join(parts), search_type="raw", config=CONFIG)


def ranked(queryset, terms, columns):
    """Articles whose weighted document (title A, summary B, body C) matches every word.

    Ranked by content.search.field_ranking, then by ts_rank.
    """
    query = tsquery(terms)
    vectors = {
        field: SearchVector(column, weight=weight, config=CONFIG)
        for (field, column), weight in zip(columns.items(), "ABC", strict=True)
    }

    def found_in(field, word):
        return Q(**{f"search_{field}_vector": tsquery([word])})

    return (
        queryset.annotate(
            search_document=vectors["title"] + vectors["summary"] + vectors["body"],
            search_title_vector=SearchVector(columns["title"], config=CONFIG),
            search_summary_vector=SearchVector(columns["summary"], config=CONFIG),
        )
        .filter(search_document=query)
        .annotate(**field_ranking(terms, found_in), rank=SearchRank(F("search_document"), query))
        .order_by(*ORDERING)
    )
