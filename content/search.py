"""Search over published articles: one normalisation for Arabic and English, and the query.

Each word of the text and of the query is reduced to its searchable forms the same
way (see `word_forms`): its normalised spelling, and for an Arabic word also the
stems left once the prefixes that may be attached to it (و ف, ب ك ل, ال) are taken
off. Both are kept because a letter that looks like a prefix may belong to the word
(التهاب، وراثة، بروتينات، ألياف). The forms of every word of the title, summary and
body of each language are stored on the article (`Article.search_text`, called by
save(); `manage.py reindex_search` rewrites them all). A query word matches a text
word when any of its forms matches any of the text word's forms. PostgreSQL matches
them with its full-text search ('simple' configuration: the words are already
normalised); SQLite with an equivalent word-prefix match over the same columns. Both
rank title matches first, then summary, then body.
"""

import functools
import re
import unicodedata
from html import unescape

from django.conf import settings
from django.db import connection
from django.db.models import Case, F, Func, IntegerField, Q, Value, When
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
# Invisible characters that may sit inside a word: soft hyphen, Arabic letter mark,
# zero-width non-joiner and joiner, direction marks, embeddings and isolates, word
# joiner, zero-width no-break space.
FORMAT_CHARACTERS = "\u00ad\u061c\u200c-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff"
# A word: letters or digits, with any Arabic diacritics, tatweel and invisible
# characters inside it.
WORD_RE = re.compile(rf"(?:[^\W_]|[{ARABIC_MARKS}{TATWEEL}{FORMAT_CHARACTERS}])+")
MARKS_RE = re.compile(rf"[{ARABIC_MARKS}{TATWEEL}{FORMAT_CHARACTERS}]")
CHARACTERS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}
    | {chr(0x0660 + n): str(n) for n in range(10)}  # Arabic-Indic digits
    | {chr(0x06F0 + n): str(n) for n in range(10)}  # Eastern Arabic-Indic digits
)


def _arabic_prefixes():
    """[(prefix, whether it ends in the article ال)], longest first.

    A conjunction (و ف), then a preposition (ب ك ل), then the article, each optional;
    ل + ال is written لل. Without the article only و, ب, ل and وب, ول are taken off:
    many borrowed words begin with ف or ك (فيتامين، كريم).
    """
    prefixes = set()
    for conjunction in ("", "و", "ف"):
        for preposition in ("", "ب", "ك", "ل"):
            for article in ("", "ال"):
                if article:
                    prefix = conjunction + ("لل" if preposition == "ل" else preposition + "ال")
                elif conjunction != "ف" and preposition != "ك":
                    prefix = conjunction + preposition
                else:
                    continue
                if prefix:
                    prefixes.add((prefix, bool(article)))
    return sorted(prefixes, key=lambda item: (-len(item[0]), item))


ARABIC_PREFIXES = _arabic_prefixes()
# The shortest stem left after the prefixes: two letters after the article (الحب),
# four after a single letter or two, so that وجه، بشره، ليزر are not cut.
STEM_MIN_LENGTH = {True: 2, False: 4}
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


def normalise_characters(text):
    """Compatibility forms (Arabic presentation forms, full-width Latin) to plain letters,
    no diacritics, tatweel or invisible characters, alef forms to ا, ى to ي, ة to ه,
    digits in Western form, case folded."""
    text = MARKS_RE.sub("", unicodedata.normalize("NFKC", text))
    return text.casefold().translate(CHARACTERS)


def arabic_stems(word):
    """The stems of a normalised word under each prefix it may carry, longest prefix first.

    والميزوثيرابي → [ميزوثيرابي, الميزوثيرابي]; التهاب → [تهاب]; ليزر → [].
    """
    return [
        word[len(prefix) :]
        for prefix, has_article in ARABIC_PREFIXES
        if word.startswith(prefix) and len(word) - len(prefix) >= STEM_MIN_LENGTH[has_article]
    ]


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


def word_forms(word, language):
    """The searchable forms of one word (already through normalise_characters): the
    word itself, then its Arabic stems; English plurals made singular.

    An empty tuple for a word too small or common to search.
    """
    stopwords = STOPWORDS.get(language, ())
    if word in stopwords or (len(word) < 2 and not word.isdigit()):
        return ()
    forms = [word] + [stem for stem in arabic_stems(word) if stem not in stopwords]
    return tuple(dict.fromkeys(strip_english_plural(form) for form in forms))


def words(text, language):
    """Yield (forms, start, end) for each searchable word of `text`.

    A written word that compatibility normalisation splits (ﷺ) gives each of its
    words, all with the written word's start and end.
    """
    for match in WORD_RE.finditer(text or ""):
        for part in WORD_RE.findall(normalise_characters(match.group())):
            forms = word_forms(part, language)
            if forms:
                yield forms, match.start(), match.end()


def normalise(text, language):
    """The forms of the words of `text`, separated by single spaces, with a space at each end.

    The spaces at the ends let a plain substring match find a word's beginning
    (" word"), which is how SQLite matches; PostgreSQL ignores them.
    """
    joined = " ".join(" ".join(forms) for forms, _start, _end in words(text, language))
    return f" {joined} " if joined else ""


# A heading run into the next paragraph reads as one sentence in a snippet ("Bruising
# Bruising shows up"): end every heading that has no closing mark with a full stop.
HEADING_END_RE = re.compile(r"(?<![.!?؟:؛])\s*</h([1-6])>")


def plain_text(markdown_text):
    """An article body as the text a reader sees: no Markdown, no HTML."""
    html = HEADING_END_RE.sub(r".</h\1>", render_markdown(markdown_text))
    return unescape(strip_tags(html))


def search_columns(language):
    return {field: f"search_{field}_{language}" for field in FIELDS}


def search_values(article):
    """{column: normalised words} for the search columns of every language of `article`."""
    values = {}
    for code, _name in settings.LANGUAGES:
        for field, column in search_columns(code).items():
            text = getattr(article, f"{field}_{code}") or ""
            values[column] = normalise(plain_text(text) if field == "body" else text, code)
    return values


def rewrite_search_columns(model):
    """Rewrite the search columns of every article of `model` (the model, or a migration's
    historical copy of it); the number of articles."""
    articles = list(model.objects.all())
    for article in articles:
        for column, value in search_values(article).items():
            setattr(article, column, value)
    columns = [
        column for code, _name in settings.LANGUAGES for column in search_columns(code).values()
    ]
    model.objects.bulk_update(articles, columns, batch_size=100)
    return len(articles)


@functools.lru_cache(maxsize=256)
def query_words(query, language):
    """The distinct words of a query as tuples of forms, at most MAX_QUERY_WORDS, in order."""
    seen = []
    for forms, _start, _end in words(query, language):
        if forms not in seen:
            seen.append(forms)
    return tuple(seen[:MAX_QUERY_WORDS])


@functools.lru_cache(maxsize=4096)
def matches_as_prefix(form):
    """Whether a query form also matches the words it begins, or only itself.

    Three letters are enough (ميزو finds ميزوثيرابي), but not counting an article in
    front: الم (ألم, pain) must not find every word that begins with ال + م.
    """
    for prefix, has_article in ARABIC_PREFIXES:
        if has_article and form.startswith(prefix):
            return len(form) - len(prefix) >= PREFIX_MIN_LENGTH
    return len(form) >= PREFIX_MIN_LENGTH


def matches(term, forms):
    """Whether a query word (its forms) matches a text word (its forms)."""
    return any(
        candidate.startswith(form) if matches_as_prefix(form) else candidate == form
        for form in term
        for candidate in forms
    )


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

    `found_in(field, term)` is a Q that holds when a form of the query word `term` is
    in that field. Articles with every word in the title come first (title_match); then
    field_score counts, for each word, 100 when it is in the title, 10 in the summary,
    1 in the body.
    """
    in_title, score = Q(), Value(0)
    for term in terms:
        in_title &= found_in("title", term)
        score = score + Case(
            When(found_in("title", term), then=Value(100)),
            When(found_in("summary", term), then=Value(10)),
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


def _pattern(form):
    return f" {form}" if matches_as_prefix(form) else f" {form} "


def ranked_by_substring(queryset, terms, columns):
    """SQLite: every query word, by one of its forms, at the start of a stored form (or
    equal to it) in the title, summary or body.

    Ranked by field_ranking, then by how often the forms occur (PostgreSQL's ts_rank
    plays that last part there).
    """

    def found_in(field, term):
        column = columns[field]
        return Q.create([(f"{column}__contains", _pattern(form)) for form in term], connector=Q.OR)

    wanted = Q()
    counts = []
    for term in terms:
        wanted &= found_in("title", term) | found_in("summary", term) | found_in("body", term)
        for form in term:
            needle = _pattern(form)
            counts += [
                (Length(column) - Length(Replace(column, Value(needle), Value(""))))
                / Value(len(needle))
                for column in columns.values()
            ]
    # One flat sum (a + b + c ...): added one by one, up to 8 words x 4 forms x 3 columns
    # nest deeper than SQLite's parser allows.
    occurrences = Func(*counts, function="", arg_joiner=" + ", output_field=IntegerField())
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
    hits = [i for i, (forms, _s, _e) in enumerate(found) if any(matches(t, forms) for t in terms)]
    low, high = 0, len(found)
    if width and len(found) > width:
        low = max((hits[0] if hits else 0) - width // 3, 0)
        high = min(low + width, len(found))
    begin = found[low][1] if low > 0 else 0
    end = found[high - 1][2] if high < len(found) else len(text)
    pieces, position = [], begin
    for i in hits:
        if low <= i < high:
            _forms, start, stop = found[i]
            if start < position:  # another word of the same written word (ﷺ)
                continue
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
