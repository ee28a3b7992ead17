"""Keeping the index in step with the articles, and asking it which articles match.

`match(expression, language)` is the one place where the two databases differ:
SQLite's FTS5 ranks with bm25, PostgreSQL with ts_rank over a weighted tsvector.
Both return the matching documents, best first.
"""

from django.conf import settings
from django.db import connection

from .models import SearchDocument
from .text import normalise_characters, plain_text, stems, words

# Column weights: title, headings, summary, body (PostgreSQL lists them D, C, B, A).
POSTGRES_WEIGHTS = "{0.1, 0.3, 0.6, 1.0}"


def document_values(article, language):
    title = getattr(article, f"title_{language}") or ""
    summary = getattr(article, f"summary_{language}") or ""
    text, headings = plain_text(getattr(article, f"body_{language}") or "")
    seen = {
        normalise_characters(word)
        for chunk in (title, summary, text)
        for word, *_rest in words(chunk, language)
    }
    return {
        "title": stems(title, language),
        "headings": stems(headings, language),
        "summary": stems(summary, language),
        "body": stems(text, language),
        "text": text,
        "vocabulary": " ".join(sorted(seen)),
    }


def index_article(article):
    """Write the article's document in every language."""
    for code, _name in settings.LANGUAGES:
        SearchDocument.objects.update_or_create(
            article_id=article.pk, language=code, defaults=document_values(article, code)
        )


def rebuild(articles):
    """Rewrite the documents of `articles`; the number of articles."""
    count = 0
    for article in articles:
        index_article(article)
        count += 1
    return count


def match(expression, language):
    """[(article id, score, text, title stems, heading stems)] of the documents in
    `language` matching `expression`, best first by the database's own rank."""
    if connection.vendor == "postgresql":
        sql = (
            "SELECT d.article_id, ts_rank(%s::float4[], d.document, q) AS score, d.text, "
            "d.title, d.headings "
            "FROM search_searchdocument d, to_tsquery('simple', %s) q "
            "WHERE d.language = %s AND d.document @@ q ORDER BY score DESC, d.article_id"
        )
        params = [POSTGRES_WEIGHTS, expression, language]
    else:
        sql = (
            "SELECT d.article_id, -bm25(search_fts, 10.0, 5.0, 3.0, 1.0) AS score, d.text, "
            "d.title, d.headings "
            "FROM search_fts JOIN search_searchdocument d ON d.id = search_fts.rowid "
            "WHERE search_fts MATCH %s AND d.language = %s ORDER BY score DESC, d.article_id"
        )
        params = [expression, language]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def vocabulary(language, article_ids):
    """The distinct words of the documents of those articles in `language`."""
    rows = SearchDocument.objects.filter(language=language, article__in=article_ids)
    found = set()
    for chunk in rows.values_list("vocabulary", flat=True):
        found.update(chunk.split())
    return found
