"""Keeping the index in step with the articles, and asking it which articles match.

`match` and `excerpts` are the one place where the two databases differ: SQLite's FTS5
ranks with bm25 and cuts excerpts with snippet(); PostgreSQL ranks with ts_rank over a
weighted tsvector and cuts them with ts_headline. Both mark the words in the database,
so a search costs the same few queries however long or many the articles are.
"""

from django.conf import settings
from django.db import connection

from content.models import Article

from .models import SearchDocument
from .text import normalise_characters, plain_text, stems, words

# Column weights: title, headings, summary, body (PostgreSQL lists them D, C, B, A).
POSTGRES_WEIGHTS = "{0.1, 0.3, 0.6, 1.0}"
POSTGRES_NAMING_WEIGHTS = "{0, 0, 0.6, 1.0}"  # titles and headings alone
# What the public search reads; the admin's also reads `draft`, the unpublished text.
PUBLIC_COLUMNS = "{title headings summary body}"
# The database marks matches with these (private-use characters, never in an article);
# they become <mark> once the rest of the excerpt is escaped.
MARK_START, MARK_END = "\ue000", "\ue001"
# An excerpt: this many characters of the body (about 30 words), from BEFORE_MATCH
# characters before the first match.
EXCERPT_CHARACTERS = 240
BEFORE_MATCH = 70
NOWHERE = 1_000_000_000
MAX_SPELLINGS = 60  # the written forms a query's words can take, searched for in a body
HEAD_CHARACTERS = 2000  # where `excerpts` looks first


# The columns above hold these of Article.search_fields; any other field it declares is
# searched with the body.
OWN_COLUMNS = ("title", "summary", "body")


def declared_text(value_of, language):
    """The text of Article.search_fields beyond title, summary and body, in `language`:
    `value_of(name)` reads a field's value (a row's attribute or a revision's content)."""
    translated = set(Article.translated_fields)
    return " ".join(
        str(value_of(f"{name}_{language}" if name in translated else name) or "")
        for name in Article.search_fields
        if name not in OWN_COLUMNS
    )


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
    parts.append(declared_text(content.get, language))
    return " ".join(parts)


def document_values(article, language, revision=None):
    title = getattr(article, f"title_{language}") or ""
    summary = getattr(article, f"summary_{language}") or ""
    text, headings = plain_text(getattr(article, f"body_{language}") or "")
    declared = declared_text(lambda name: getattr(article, name, ""), language)
    seen = {
        normalise_characters(word)
        for chunk in (title, summary, text, declared)
        for word, *_rest in words(chunk, language)
    }
    return {
        "title": stems(title, language),
        "headings": stems(headings, language),
        "summary": stems(summary, language),
        "body": stems(f"{text} {declared}" if declared else text, language),
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


# The parts of a document a ranking flag (see `match`) looks in.
TITLE, HEADINGS, NAMING, TEXT = "title", "headings", "naming", "text"
SQLITE_COLUMNS = {
    TITLE: "{title} : ",
    HEADINGS: "{headings} : ",
    NAMING: "{title headings} : ",
    TEXT: PUBLIC_COLUMNS + " : ",
}
POSTGRES_VECTORS = {
    TITLE: "to_tsvector('simple', d.title)",
    HEADINGS: "to_tsvector('simple', d.headings)",
    NAMING: "to_tsvector('simple', d.title || ' ' || d.headings)",
    TEXT: "d.document",
}


def match(expression, language, within, flags=(), also=(), also_weight=0, limit=None):
    """([(article id, score, title stems, tier)], how many) of the documents in `language`
    matching `expression` whose article is in the queryset `within`, best first, at most
    `limit` of them: the database ranks and cuts them, so that what is read and worked on
    after the query does not grow with the corpus.

    The order is the tier, then the database's own rank (score). A document's tier is the
    sum of the weights of the `flags` it meets, each (expression, part, weight): the
    expression found in the document's TITLE, HEADINGS, NAMING (either) or TEXT (all it
    shows). `also`: ids of articles to return whether they match or not (score 0), with
    `also_weight` added to their tier. `how many`: the documents found, before the limit.
    """
    # Unordered: the ids alone, from the articles' index, without the ordering's join.
    inside, inside_params = within.order_by().values("pk").query.sql_with_params()
    tiers, tier_params = ["0"], []
    if postgres():
        for flag, part, weight in flags:
            tiers.append(
                f"(CASE WHEN {POSTGRES_VECTORS[part]} @@ to_tsquery('simple', %s) "
                "THEN %s ELSE 0 END)"
            )
            tier_params += [flag, weight]
        found = (
            "SELECT d.id, ts_rank(%s::float4[], d.document, q) AS score "
            "FROM search_searchdocument d, to_tsquery('simple', %s) q "
            "WHERE d.language = %s AND d.document @@ q"
        )
        found_params = [POSTGRES_WEIGHTS, expression, language]
        table = "search_searchdocument"
    else:
        for flag, part, weight in flags:
            tiers.append(
                "(CASE WHEN d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s) "
                "THEN %s ELSE 0 END)"
            )
            tier_params += [f"{SQLITE_COLUMNS[part]}({flag})", weight]
        found = (
            "SELECT rowid AS id, -bm25(search_fts, 10.0, 5.0, 3.0, 1.0, 1.0) AS score "
            "FROM search_fts WHERE search_fts MATCH %s"
        )
        found_params = [f"{PUBLIC_COLUMNS} : ({expression})"]
        # search_head: the documents' narrow columns (migration 0005): a wide row's later
        # columns are read through its overflow pages.
        table = "search_head"
    if also:
        marks = ", ".join(["%s"] * len(also))
        found += (
            f" UNION ALL SELECT id, 0 FROM {table} "  # noqa: S608
            f"WHERE language = %s AND article_id IN ({marks})"
        )
        found_params += [language, *also]
        tiers.append(f"(CASE WHEN d.article_id IN ({marks}) THEN %s ELSE 0 END)")
        tier_params += [*also, also_weight]
    # A linked page that matches too comes twice: once is enough, with its best score.
    grouped = " GROUP BY d.id" if also else ""
    score = "max(c.score)" if also else "c.score"
    # Only constants and placeholders are formatted into the SQL.
    sql = (
        f"SELECT d.article_id, {score} AS score, d.title, {' + '.join(tiers)} AS tier, "  # noqa: S608
        f"count(*) OVER () FROM ({found}) c JOIN {table} d ON d.id = c.id "
        f"WHERE d.language = %s AND d.article_id IN ({inside}){grouped} "
        "ORDER BY tier DESC, score DESC, d.article_id"
    )
    params = [*tier_params, *found_params, language, *inside_params]
    if limit is not None:
        sql += " LIMIT %s"
        params.append(limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [row[:4] for row in rows], (rows[0][4] if rows else 0)


def matching_ids(expression, language, within, drafts=False):
    """The ids of every article of `within` whose document in `language` matches
    `expression`, unranked (the admin's search, which also reads drafts)."""
    inside, inside_params = within.order_by().values("pk").query.sql_with_params()
    if postgres():
        vector = "(d.document || d.draft_document)" if drafts else "d.document"
        sql = (
            "SELECT d.article_id FROM search_searchdocument d "  # noqa: S608
            f"WHERE d.language = %s AND {vector} @@ to_tsquery('simple', %s) "
            f"AND d.article_id IN ({inside})"
        )
        params = [language, expression, *inside_params]
    else:
        columns = "" if drafts else PUBLIC_COLUMNS + " : "
        sql = (
            "SELECT h.article_id FROM search_fts JOIN search_head h "  # noqa: S608
            "ON h.id = search_fts.rowid WHERE search_fts MATCH %s AND h.language = %s "
            f"AND h.article_id IN ({inside})"
        )
        params = [f"{columns}({expression})", language, *inside_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0] for row in cursor.fetchall()}


def spellings(written):
    """The forms of the written words `excerpts` looks for in a text lowered by the
    database: the words (the index keeps them lowered) and, for a word that SQLite's
    lower(), which lowers only A to Z, may not reach, its capitalised form."""
    found = []
    for word in written:
        found.append(word)
        if not word.isascii() and word.capitalize() != word:
            found.append(word.capitalize())
    return list(dict.fromkeys(found))


def first_of(words, column, find, smallest):
    """SQL for the first place in `column` where any of `words` occurs (a placeholder
    each), or NOWHERE."""
    if not words:
        return str(NOWHERE)
    return (
        f"{smallest}("
        + ", ".join(f"coalesce(nullif({find}({column}, %s), 0), {NOWHERE})" for _ in words)
        + f", {NOWHERE})"
    )


def excerpts(article_ids, language, written, preferred=()):
    """{article id: (text, starts, ends)}: for each article, about EXCERPT_CHARACTERS of
    its body from a little before the first of the `preferred` words in it (the words the
    visitor typed, as the text spells them), else the first of the `written` words (the
    text's own spellings of every word the query finds), or else its summary;
    `starts`/`ends`: whether the piece begins/ends the text. The database finds and cuts
    the piece (one query for all the articles), so the body never leaves it;
    search/query.py marks the words. The written words are looked for in the body's
    first HEAD_CHARACTERS first, where they nearly always are: a word that is not in a
    long body costs a scan of all of it."""
    if not article_ids:
        return {}
    preferred = spellings(preferred)[:MAX_SPELLINGS]
    anywhere = spellings(written)[:MAX_SPELLINGS]
    ids = ", ".join(["%s"] * len(article_ids))
    find, smallest, largest = (
        ("strpos", "least", "greatest") if postgres() else ("instr", "min", "max")
    )
    sql = (
        # Only placeholders, constants and the functions' names are formatted in. Each
        # step runs once a row (MATERIALIZED: not inlined into the next).
        "WITH low AS MATERIALIZED (SELECT d.id, lower(d.text) AS text,"  # noqa: S608
        f" lower(substr(d.text, 1, {HEAD_CHARACTERS})) AS head"
        f" FROM search_searchdocument d WHERE d.language = %s AND d.article_id IN ({ids})),"
        f" found AS MATERIALIZED (SELECT id, {first_of(preferred, 'text', find, smallest)}"
        f" AS preferred, {first_of(anywhere, 'head', find, smallest)} AS head FROM low),"
        " cut AS MATERIALIZED (SELECT found.id, CASE"
        f" WHEN preferred < {NOWHERE} THEN preferred WHEN found.head < {NOWHERE} THEN found.head"
        f" ELSE {first_of(anywhere, 'low.text', find, smallest)} END AS at"
        " FROM found JOIN low ON low.id = found.id),"
        f" piece AS (SELECT id, at, {largest}(at - %s, 1) AS begin FROM cut)"
        " SELECT d.article_id, CASE WHEN piece.at < %s THEN substr(d.text, piece.begin, %s) END,"
        " piece.begin <= 1, piece.begin + %s > length(d.text), d.summary_text"
        " FROM piece JOIN search_searchdocument d ON d.id = piece.id"
    )
    params = [
        language,
        *article_ids,
        *preferred,
        *anywhere,
        *anywhere,
        BEFORE_MATCH,
        NOWHERE,
        EXCERPT_CHARACTERS,
        EXCERPT_CHARACTERS,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return {
        article_id: (piece, bool(starts), bool(ends)) if piece else (summary or "", True, True)
        for article_id, piece, starts, ends, summary in rows
    }


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
