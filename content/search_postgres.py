"""The PostgreSQL side of content.search: its full-text search over the normalised columns.

Imported only when the database is PostgreSQL. The columns already hold normalised
words, so the 'simple' configuration (lower case, no stemming, no stop words) is
the right one: it leaves the words as content.search wrote them.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F, Q

from .search import ORDERING, field_ranking, matches_as_prefix

CONFIG = "simple"


def tsquery(terms):
    """Every query word required, by any of its forms; a form also matches as a prefix
    when content.search.matches_as_prefix says so, as on SQLite.

    The forms contain letters and digits only (content.search.WORD_RE), so they
    cannot break the query syntax.
    """
    parts = [
        "(" + " | ".join(f"{form}:*" if matches_as_prefix(form) else form for form in term) + ")"
        for term in terms
    ]
    return SearchQuery(" & ".join(parts), search_type="raw", config=CONFIG)


def ranked(queryset, terms, columns):
    """Articles whose weighted document (title A, summary B, body C) matches every word.

    `terms` are the query's words, each a tuple of forms (content.search.query_words).

    Ranked by content.search.field_ranking, then by ts_rank.
    """
    query = tsquery(terms)
    vectors = {
        field: SearchVector(column, weight=weight, config=CONFIG)
        for (field, column), weight in zip(columns.items(), "ABC", strict=True)
    }

    def found_in(field, term):
        return Q(**{f"search_{field}_vector": tsquery([term])})

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
