"""Keeping the index in step with the articles, and asking it which articles match.

`match` and `excerpts` are the one place where the two databases differ: SQLite's FTS5
ranks with bm25 and cuts excerpts with snippet(); PostgreSQL ranks with ts_rank over a
weighted tsvector and cuts them with ts_headline. Both mark the words in the database,
so a search costs the same few queries however long or many the articles are.
"""

from django.conf import settings
from django.db import connection

from .models import SearchDocument
from .text import normalise_characters, plain_text, stems, words

# Column weights: title, headings, summary, body (PostgreSQL lists them D, C, B, A).
POSTGRES_WEIGHTS = "{0.1, 0.3, 0.6, 1.0}"
# What the public search reads; the admin's also reads `draft`, the unpublished text.
PUBLIC_COLUMNS = "{title headings summary body}"
# The database marks matches with these (private-use characters, never in an article);
# they become <mark> once the rest of the excerpt is escaped.
MARK_START, MARK_END = "\ue000", "\ue001"
EXCERPT_WORDS = 30
SHORT_TEXT = 300  # characters: about the excerpt's length


def draft_text(article, language, revision=None):
    """The title, summary and body of the article's newest revision when it is not the
    live one (what staff are writing), else ""."""
    if revision is None:
        if article.latest_revision_id in (None, article.live_revision_id):
            return ""
        revision = article.latest_revision
    content = revision.content or {}
    parts = [content.get(f"{field}_{language}") or "" for field in ("title", "summary")]
    parts.append(plain_text(content.get(f"body_{language}") or "")[0])
    return " ".join(parts)


def document_values(article, language, revision=None):
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
        "draft": stems(draft_text(article, language, revision), language),
        "text": text,
        "summary_text": summary,
        "vocabulary": " ".join(sorted(seen)),
    }


def index_article(article, revision=None):
    """Write the article's document in every language (`revision`: its newest draft)."""
    for code, _name in settings.LANGUAGES:
        SearchDocument.objects.update_or_create(
            article_id=article.pk,
            language=code,
            defaults=document_values(article, code, revision),
        )


def rebuild(articles):
    """Rewrite the documents of `articles`; the number of articles."""
    count = 0
    for article in articles:
        index_article(article)
        count += 1
    return count


def postgres():
    return connection.vendor == "postgresql"


def match(expression, language, within, drafts=False, also=()):
    """[(article id, score, title stems, heading stems)] of the documents in `language`
    matching `expression` whose article is in the queryset `within`, best first by the
    database's own rank. `drafts`: also search the text of unpublished revisions.
    `also`: ids of articles to return whether they match or not (score 0)."""
    inside, inside_params = within.values("pk").query.sql_with_params()
    extra, extra_params = "", []
    if also:
        marks = ", ".join(["%s"] * len(also))
        extra = (
            " UNION ALL SELECT d.article_id, 0, d.title, d.headings"  # noqa: S608
            f" FROM search_searchdocument d WHERE d.language = %s AND d.article_id IN ({marks})"
            f" AND d.article_id IN ({inside})"
        )
        extra_params = [language, *also, *inside_params]
    if postgres():
        vector = "(d.document || d.draft_document)" if drafts else "d.document"
        sql = (
            f"SELECT d.article_id, ts_rank(%s::float4[], {vector}, q) AS score, "  # noqa: S608
            "d.title, d.headings "
            "FROM search_searchdocument d, to_tsquery('simple', %s) q "
            f"WHERE d.language = %s AND {vector} @@ q AND d.article_id IN ({inside})"
            f"{extra} ORDER BY score DESC, article_id"
        )
        params = [POSTGRES_WEIGHTS, expression, language, *inside_params, *extra_params]
    else:
        if not drafts:
            expression = f"{PUBLIC_COLUMNS} : ({expression})"
        sql = (
            "SELECT d.article_id, -bm25(search_fts, 10.0, 5.0, 3.0, 1.0, 1.0) AS score, "  # noqa: S608
            "d.title, d.headings "
            "FROM search_fts JOIN search_searchdocument d ON d.id = search_fts.rowid "
            f"WHERE search_fts MATCH %s AND d.language = %s AND d.article_id IN ({inside})"
            f"{extra} ORDER BY score DESC, article_id"
        )
        params = [expression, language, *inside_params, *extra_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def excerpts(article_ids, language, written):
    """{article id: (excerpt, whether it starts the text, whether it ends it)}: about
    EXCERPT_WORDS words of each body around its best match, or else its summary, with
    the words in `written` (the text's own spellings of the query's words) between
    MARK_START and MARK_END. One query for all the articles."""
    if not article_ids:
        return {}
    ids = ", ".join(["%s"] * len(article_ids))
    if postgres():
        # No word to mark: a NULL query, so the headlines are NULL and the summary shows.
        query = " | ".join(quoted(word, "'") for word in written) or None
        options = (
            f"StartSel={MARK_START}, StopSel={MARK_END}, MaxFragments=1, "
            f"MaxWords={EXCERPT_WORDS}, MinWords={EXCERPT_WORDS // 2}"
        )
        sql = (
            "SELECT article_id, body, summary, summary_text, strpos(text, plain) <= 1, "  # noqa: S608
            "strpos(text, plain) + length(plain) > length(text) FROM ("
            " SELECT d.article_id, d.text, d.summary_text, h.body,"
            " ts_headline('simple', d.summary_text, q, %s) AS summary,"
            f" replace(replace(h.body, '{MARK_START}', ''), '{MARK_END}', '') AS plain"
            " FROM search_searchdocument d, to_tsquery('simple', %s) q,"
            # A fragment drops what follows its last word: a short text is shown whole.
            " LATERAL (SELECT CASE WHEN length(d.text) <= %s"
            "  THEN ts_headline('simple', d.text, q, %s)"
            "  ELSE ts_headline('simple', d.text, q, %s) END AS body) h"
            f" WHERE d.language = %s AND d.article_id IN ({ids})) e"
        )
        whole = f"StartSel={MARK_START}, StopSel={MARK_END}, HighlightAll=true"
        params = [whole, query, SHORT_TEXT, whole, options, language, *article_ids]
    else:
        query = " OR ".join(quoted(word, '"') for word in written) or '""'
        sql = (
            "SELECT d.article_id, e.body, e.summary, d.summary_text"  # noqa: S608
            " FROM search_searchdocument d LEFT JOIN ("
            f"  SELECT rowid, snippet(search_text, 0, '{MARK_START}', '{MARK_END}', '…',"
            f"  {EXCERPT_WORDS}) AS body, highlight(search_text, 1, '{MARK_START}',"
            f"  '{MARK_END}') AS summary FROM search_text WHERE search_text MATCH %s"
            "  AND rowid IN (SELECT id FROM search_searchdocument WHERE language = %s"
            f"  AND article_id IN ({ids}))"
            f" ) e ON e.rowid = d.id WHERE d.language = %s AND d.article_id IN ({ids})"
        )
        params = [query, language, *article_ids, language, *article_ids]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    found = {}
    for article_id, body, summary, summary_text, *edges in rows:
        if body and MARK_START in body:
            if edges:
                starts, ends = edges
            else:  # FTS5 puts its ellipsis where it cut the text
                starts, ends = not body.startswith("…"), not body.endswith("…")
                body = body.removeprefix("…").removesuffix("…")
            found[article_id] = (body, starts, ends)
        else:
            shown = summary if summary and MARK_START in summary else summary_text
            found[article_id] = (shown or "", True, True)
    return found


def quoted(word, mark):
    return mark + word.replace(mark, mark + mark) + mark


def written_words(language):
    """Every word of the shown texts in `language` as the database's excerpt function
    splits them (the words `excerpts` can mark)."""
    with connection.cursor() as cursor:
        if postgres():
            cursor.execute(
                "SELECT word FROM ts_stat($$SELECT to_tsvector('simple', text || ' ' || "  # noqa: S608
                "summary_text) FROM search_searchdocument WHERE language = "
                + quoted(language, "'")
                + "$$)"
            )
        else:  # one FTS5 table for every language: the forms of the others meet nothing
            cursor.execute("SELECT term FROM search_text_vocab")
        return [row[0] for row in cursor.fetchall()]


def vocabulary(language, article_ids):
    """The distinct words of the documents of those articles in `language`."""
    rows = SearchDocument.objects.filter(language=language, article__in=article_ids)
    found = set()
    for chunk in rows.values_list("vocabulary", flat=True):
        found.update(chunk.split())
    return found
