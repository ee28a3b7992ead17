"""Search over published articles: one normalisation for Arabic and English, and the query.

The text and the query are normalised the same way (see `normalise_word`), and the
normalised title, summary and body of each language are stored on the article
(`Article.refresh_search_text`). PostgreSQL matches them with its full-text search
('simple' configuration: the words are already normalised); SQLite with an
equivalent word-prefix match over the same columns. Both rank title matches first,
then summary, then body.
"""

import re
from html import unescape

from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.functions import Length, Replace
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from .rendering import render_markdown

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 8
MAX_RESULTS = 50
PREFIX_MIN_LENGTH = 3  # shorter query words must match a whole word
FIELDS = ("title", "summary", "body")

ARABIC_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
TATWEEL = "\u0640"
# A word: letters or digits, with any Arabic diacritics and tatweel inside it.
WORD_RE = re.compile(rf"(?:[^\W_]|[{ARABIC_MARKS}{TATWEEL}])+")
MARKS_RE = re.compile(rf"[{ARABIC_MARKS}{TATWEEL}]")
CHARACTERS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}
    | {chr(0x0660 + n): str(n) for n in range(10)}  # Arabic-Indic digits
    | {chr(0x06F0 + n): str(n) for n in range(10)}  # Eastern Arabic-Indic digits
)
# Prefixes that carry the article ال (normalised): و/ف/ب/ك + ال, ل + ال written لل, and ال.
ARTICLE_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال")
SINGLE_PREFIXES = ("و", "ب", "ل")
# Words that carry no meaning for a search, compared after character normalisation.
STOPWORDS = {
    "ar": {
        "في", "من", "الي", "علي", "عن", "ما", "ماذا", "هل", "هو", "هي", "ان", "او", "مع",
        "هذا", "هذه", "ذلك", "التي", "الذي", "كيف", "لا", "لم", "ثم", "قد", "كل", "بعد", "قبل",
    },
    "en": {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from",
        "how", "i", "in", "is", "it", "of", "on", "or", "the", "to", "what", "when", "with",
    },
}  # fmt: skip


def normalise_arabic(word):
    """Alef forms to ا, ى to ي, ة to ه, no diacritics or tatweel, digits in Western form."""
    return MARKS_RE.sub("", word).translate(CHARACTERS)


def strip_arabic_prefix(word):
    """Drop the article ال (alone or after و ف ب ك ل), or else a single و ب ل.

    The single letter is dropped only when four letters remain, so short words
    whose first letter belongs to the word (وجه، بشره، ليزر) stay whole.
    """
    for prefix in ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    if word[:1] in SINGLE_PREFIXES and len(word) - 1 >= 4:
        return word[1:]
    return word


def strip_english_plural(word):
    """injections→injection, therapies→therapy, boxes→box; 'this', 'class' stay."""
    if len(word) <= 3 or not word.isascii():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def normalise_word(word, language):
    """The searchable form of one word, or "" for a word too small or common to search."""
    word = normalise_arabic(word).casefold()
    if word in STOPWORDS.get(language, ()) or (len(word) < 2 and not word.isdigit()):
        return ""
    return strip_english_plural(strip_arabic_prefix(word))


def words(text, language):
    """Yield (normalised word, start, end) for each searchable word of `text`."""
    for match in WORD_RE.finditer(text or ""):
        word = normalise_word(match.group(), language)
        if word:
            yield word, match.start(), match.end()


def normalise(text, language):
    """`text` as normalised words separated by single spaces, with a space at each end.

    The spaces at the ends let a plain substring match find a word's beginning
    (" word"), which is how SQLite matches; PostgreSQL ignores them.
    """
    joined = " ".join(word for word, _start, _end in words(text, language))
    return f" {joined} " if joined else ""


def plain_text(markdown_text):
    """An article body as the text a reader sees: no Markdown, no HTML."""
    return unescape(strip_tags(render_markdown(markdown_text)))


def search_columns(language):
    return {field: f"search_{field}_{language}" for field in FIELDS}


def query_words(query, language):
    """The distinct normalised words of a query, at most MAX_QUERY_WORDS, in order."""
    seen = []
    for word, _start, _end in words(query, language):
        if word not in seen:
            seen.append(word)
    return seen[:MAX_QUERY_WORDS]


def matches(word, candidate):
    """Whether a normalised query word matches a normalised text word."""
    if len(word) >= PREFIX_MIN_LENGTH:
        return candidate.startswith(word)
    return candidate == word


def search(queryset, query, language):
    """Published articles matching every word of `query`, best first (title, summary, body)."""
    terms = query_words(query, language)
    if not terms:
        return queryset.none()
    columns = search_columns(language)
    if connection.vendor == "postgresql":
        from .search_postgres import ranked  # psycopg is needed only here

        return ranked(queryset, terms, columns)[:MAX_RESULTS]
    return ranked_by_substring(queryset, terms, columns)[:MAX_RESULTS]


def field_ranking(terms, found_in):
    """The ranking keys both databases share, as annotations.

    `found_in(field, word)` is a Q that holds when `word` is in that field. Articles
    with every word in the title come first (title_match); then field_score counts,
    for each word, 100 when it is in the title, 10 in the summary, 1 in the body.
    """
    in_title, score = Q(), Value(0)
    for word in terms:
        in_title &= found_in("title", word)
        score = score + Case(
            When(found_in("title", word), then=Value(100)),
            When(found_in("summary", word), then=Value(10)),
            default=Value(1),
            output_field=IntegerField(),
        )
    return {
        "title_match": Case(
            When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField()
        ),
        "field_score": score,
    }


ORDERING = (F("title_match").desc(), F("field_score").desc(), F("rank").desc(), "pk")


def _contains(column, word):
    pattern = f" {word}" if len(word) >= PREFIX_MIN_LENGTH else f" {word} "
    return Q(**{f"{column}__contains": pattern})


def ranked_by_substring(queryset, terms, columns):
    """SQLite: every word at the start of a word of the title, summary or body.

    Ranked by field_ranking, then by how often the words occur (PostgreSQL's
    ts_rank plays that last part there).
    """

    def found_in(field, word):
        return _contains(columns[field], word)

    wanted = Q()
    occurrences = Value(0)
    for word in terms:
        wanted &= found_in("title", word) | found_in("summary", word) | found_in("body", word)
        needle = Value(f" {word}")
        for column in columns.values():
            occurrences = occurrences + (
                Length(column) - Length(Replace(column, needle, Value("")))
            ) / Value(len(word) + 1)
    return (
        queryset.filter(wanted)
        .annotate(**field_ranking(terms, found_in), rank=occurrences)
        .order_by(*ORDERING)
    )


def highlight(text, query, language, width=None):
    """`text` (or about `width` words of it around the first match), matches in <mark>.

    Returns (safe HTML, whether anything matched). Every piece of the text is escaped.
    """
    text = text or ""
    terms = query_words(query, language)
    found = list(words(text, language))
    hits = [i for i, (word, _s, _e) in enumerate(found) if any(matches(t, word) for t in terms)]
    low, high = 0, len(found)
    if width and len(found) > width:
        low = max((hits[0] if hits else 0) - width // 3, 0)
        high = min(low + width, len(found))
    begin = found[low][1] if low > 0 else 0
    end = found[high - 1][2] if high < len(found) else len(text)
    pieces, position = [], begin
    for i in hits:
        if low <= i < high:
            _word, start, stop = found[i]
            pieces += [escape(text[position:start]), f"<mark>{escape(text[start:stop])}</mark>"]
            position = stop
    pieces.append(escape(text[position:end]))
    html = " ".join("".join(pieces).split())
    if begin > 0:
        html = "… " + html
    if end < len(text.rstrip()):
        html += " …"
    return mark_safe(html), bool(hits)  # noqa: S308 - every piece of text is escaped above


def result_snippet(article, query, language, width=30):
    """The part of the body around the first match, or else the summary, highlighted."""
    html, found = highlight(plain_text(article.body), query, language, width)
    if found:
        return html
    return highlight(article.summary, query, language)[0]
