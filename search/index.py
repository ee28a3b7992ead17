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
# How many rows `match` reads at most from each of its two rankings.
CANDIDATES = 200
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


def match(expression, language, within, drafts=False, also=()):
    """[(article id, score, title stems, heading stems)] of the documents in `language`
    matching `expression` whose article is in the queryset `within`: the CANDIDATES
    best by the database's own rank, and the CANDIDATES best by their titles and
    headings alone (the caller ranks by those first), so that the work after the
    query does not grow with the corpus. `drafts`: also search the text of unpublished
    revisions. `also`: ids of articles to return whether they match or not (score 0).
    An article may come more than once."""
    # Unordered: the ids alone, from the articles' index, without the ordering's join.
    inside, inside_params = within.order_by().values("pk").query.sql_with_params()
    parts, params = [], []
    if postgres():
        vector = "(d.document || d.draft_document)" if drafts else "d.document"
        for weights in (POSTGRES_WEIGHTS, POSTGRES_NAMING_WEIGHTS):
            parts.append(
                f"SELECT d.article_id, ts_rank(%s::float4[], {vector}, q) AS score, "  # noqa: S608
                "d.title, d.headings "
                "FROM search_searchdocument d, to_tsquery('simple', %s) q "
                f"WHERE d.language = %s AND {vector} @@ q AND d.article_id IN ({inside}) "
                "ORDER BY score DESC, d.article_id LIMIT %s"
            )
            params += [weights, expression, language, *inside_params, CANDIDATES]
    else:
        columns = "" if drafts else PUBLIC_COLUMNS + " : "
        bm25 = "-bm25(search_fts, 10.0, 5.0, 3.0, 1.0, 1.0)"
        for filtered, score in ((columns, bm25), ("{title headings} : ", "0")):
            parts.append(
                # search_head: the documents' narrow columns (migration 0005).
                f"SELECT h.article_id, {score} AS score, h.title, h.headings "  # noqa: S608
                "FROM search_fts JOIN search_head h ON h.id = search_fts.rowid "
                f"WHERE search_fts MATCH %s AND h.language = %s "
                f"AND h.article_id IN ({inside}) ORDER BY score DESC, h.article_id LIMIT %s"
            )
            params += [f"{filtered}({expression})", language, *inside_params, CANDIDATES]
    if also:
        marks = ", ".join(["%s"] * len(also))
        parts.append(
            "SELECT d.article_id, 0, d.title, d.headings"  # noqa: S608
            f" FROM search_searchdocument d WHERE d.language = %s AND d.article_id IN ({marks})"
            f" AND d.article_id IN ({inside})"
        )
        params += [language, *also, *inside_params]
    # Only constants and placeholders are formatted into the SQL above and here.
    sql = " UNION ALL ".join(
        f"SELECT * FROM ({part}) AS part{n}"  # noqa: S608
        for n, part in enumerate(parts)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql + " ORDER BY score DESC, article_id", params)
        return cursor.fetchall()


def excerpts(article_ids, language, written):
    """{article id: (text, starts, ends)}: for each article, about EXCERPT_CHARACTERS of
    its body from a little before the first of the `written` words (the text's own
    spellings of the query's words), or else its summary; `starts`/`ends`: whether the
    piece begins/ends the text. The database finds and cuts the piece (one query for
    all the articles), so the body never leaves it; search/query.py marks the words."""
    if not article_ids:
        return {}
    spellings = list(dict.fromkeys(w for word in written for w in (word, word.capitalize())))
    spellings = spellings[:MAX_SPELLINGS] or [MARK_START]  # never in a text: no match
    ids = ", ".join(["%s"] * len(article_ids))
    find, smallest, largest = (
        ("strpos", "least", "greatest") if postgres() else ("instr", "min", "max")
    )
    # The first place any spelling occurs, or NOWHERE.
    first = (
        f"{smallest}("
        + ", ".join(f"coalesce(nullif({find}(d.text, %s), 0), {NOWHERE})" for _ in spellings)
        + f", {NOWHERE})"
    )
    sql = (
        # Only placeholders and the functions' names are formatted in.
        # The search for the first match runs once a row (MATERIALIZED: not inlined).
        f"WITH found AS MATERIALIZED (SELECT d.id, {first} AS at"  # noqa: S608
        f" FROM search_searchdocument d WHERE d.language = %s AND d.article_id IN ({ids})),"
        f" cut AS MATERIALIZED (SELECT id, at, {largest}(at - %s, 1) AS begin FROM found)"
        " SELECT d.article_id, CASE WHEN cut.at < %s THEN substr(d.text, cut.begin, %s) END,"
        " cut.begin <= 1, cut.begin + %s > length(d.text), d.summary_text"
        " FROM cut JOIN search_searchdocument d ON d.id = cut.id"
    )
    params = [
        *spellings,
        language,
        *article_ids,
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
