"""What a visitor's query asks for, and the one function the views call.

A query is a list of terms, all required (or, when no page has them all, any). A term
is one word of the query, or a lay phrase from the synonym table together with the
words it should also find. A word matches by any of its stems; a stem of four letters
or more also matches the longer words it begins (ميزو finds ميزوثيرابي).
"""

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from rapidfuzz import fuzz, process

from mesoinfo import languages

from . import index, marking
from .marking import PREFIX_MIN_LENGTH
from .models import Synonym
from .spelling import is_real_word
from .text import (
    ARABIC_MARKS,
    FORMAT_CHARACTERS,
    TATWEEL,
    WORD_RE,
    clean,
    forms,
    normalise_characters,
    words,
)

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 8
# A page of results: rendering them is most of a search's time, and patients read the first.
MAX_RESULTS = 20
# "Did you mean" is offered when the correction finds this many times the pages, or more.
FAR_MORE = 3

SYNONYMS_CACHE_KEY = "search:synonyms:{}"
VOCABULARY_CACHE_KEY = "search:vocabulary:{}"
# Saves forget them at once; the limit only bounds what a migration or a bulk change leaves.
CACHE_SECONDS = 600


def word_key(word, language):
    """How a query word is compared with a synonym's words: its stem, or itself."""
    found = forms(word, language)
    return found[0] if found else normalise_characters(word)


def phrase(text, language):
    """The words of `text` that can be searched, each as the tuple of its forms."""
    return tuple(found for _word, found, _s, _e in words(text, language))


def synonyms(language):
    """{key words of a lay term: ([phrases it also finds], {ids of pages it puts first})},
    cached until staff change one."""
    key = SYNONYMS_CACHE_KEY.format(language)
    table = cache.get(key)
    if table is None:
        table = {}
        pages = {}
        links = Synonym.pages.through.objects.filter(synonym__language=language)
        for synonym_id, article_id in links.values_list("synonym_id", "article_id"):
            pages.setdefault(synonym_id, set()).add(article_id)
        for synonym in Synonym.objects.filter(language=language):
            trigger = tuple(word_key(w, language) for w in WORD_RE.findall(clean(synonym.term)))
            alternatives = [phrase(text, language) for text in synonym.match_list()]
            if trigger:
                found, first = table.setdefault(trigger, ([], set()))
                found.extend(a for a in alternatives if a)
                first.update(pages.get(synonym.pk, ()))
        cache.set(key, table, CACHE_SECONDS)
    return table


def forget_synonyms(**kwargs):
    for code in languages.codes():
        cache.delete(SYNONYMS_CACHE_KEY.format(code))


@dataclass(frozen=True)
class Term:
    """One required part of a query: any of its alternatives, each a phrase of words."""

    alternatives: tuple
    written: str = ""
    # Stems matched whole, not as the start of longer words: a lay word that has synonyms
    # ("lipo") finds its synonyms, not every word it begins ("lipolysis").
    exact: frozenset = frozenset()
    # Pages staff link to a lay term: shown first, found whatever words their text uses.
    pages: frozenset = frozenset()
    # A lay term's own words, as the visitor typed them all (none a stop word): a page
    # that has them ranks above one found only through the term's wider synonyms.
    own: tuple = ()

    def all_forms(self):
        return {form for alternative in self.alternatives for word in alternative for form in word}


def strictest(forms_of_word):
    """The fullest of a word's forms (all of them when several are as long)."""
    longest = max(len(form) for form in forms_of_word)
    return tuple(form for form in forms_of_word if len(form) == longest)


def parse(query, language):
    """The query's terms, at most MAX_QUERY_WORDS, with lay phrases expanded."""
    written = WORD_RE.findall(clean(query or ""))
    keys = [word_key(word, language) for word in written]
    table = synonyms(language)
    longest = max((len(trigger) for trigger in table), default=0)
    terms, position = [], 0
    while position < len(written) and len(terms) < MAX_QUERY_WORDS:
        for size in range(min(longest, len(written) - position), 0, -1):
            trigger = tuple(keys[position : position + size])
            if trigger in table:
                own = phrase(" ".join(written[position : position + size]), language)
                found, first = table[trigger]
                alternatives = tuple(dict.fromkeys(([own] if own else []) + found))
                exact = frozenset(form for word in own for form in word)
                # The word itself: of a word's forms, the fullest (Arabic's shorter ones
                # may be another word's: بوتوكس also stems to توكس, as توكسين does).
                typed = tuple(strictest(word) for word in own) if len(own) == size else ()
                if alternatives:
                    terms.append(
                        Term(alternatives, " ".join(trigger), exact, frozenset(first), typed)
                    )
                position += size
                break
        else:
            own = phrase(written[position], language)
            if own and all(Term((own,)) != term for term in terms):
                terms.append(Term((own,), written[position]))
            position += 1
    return terms


def expression(terms, every=True):
    """The terms as a query in the language of the database's full-text search."""
    postgres = connection.vendor == "postgresql"
    both, either = (" & ", " | ") if postgres else (" AND ", " OR ")

    def form(text, exact):
        prefix = len(text) >= PREFIX_MIN_LENGTH and text not in exact
        if postgres:
            return f"'{text}'" + (":*" if prefix else "")
        return f'"{text}"' + ("*" if prefix else "")

    def group(parts, joiner):
        return "(" + joiner.join(parts) + ")"

    return (both if every else either).join(
        group(
            [
                group([group([form(f, term.exact) for f in word], either) for word in alt], both)
                for alt in term.alternatives
            ],
            either,
        )
        for term in terms
    )


@dataclass
class Results:
    query: str
    terms: list
    hits: list = field(default_factory=list)  # [{"article", "snippet"}]
    partial: bool = False  # no page had every word: these have some
    corrected: bool = False  # nothing matched: these are the suggestion's results
    suggestion: str = ""
    suggestion_url: str = ""
    other_language: str = ""
    other_count: int = 0
    other_url: str = ""
    others: list = field(default_factory=list)  # [{"language", "count", "url", "ids"}]
    # No page of this language has the words, which are another's: the hits are the pages
    # that language finds, shown in this one (every article is in every language).
    translated: bool = False
    limit: int = MAX_RESULTS


# How `matching` ranks, first to last: each level is a digit of the tier the database
# sums for a page (search/index.py:match), base 16 as a query has at most 8 terms. A
# lay term's own words in the page's title or headings; a page staff linked to the
# lay term; the terms the title names; (the share of the title the query covers, worked
# out here); the terms the headings name; a lay term's own words anywhere in the page
# (above a page found only through the term's synonyms); then the database's rank.
OWN_NAMED, LINKED, TITLE_NAMES, HEADINGS_NAME, OWN_TEXT = 16**4, 16**3, 16**2, 16, 1
# The pages the database ranks and hands over, for the title's share to reorder.
CANDIDATES = 50


def matching(queryset, terms, language, every=True):
    """(the ids of the best CANDIDATES articles of `queryset` matching the terms, best
    first; how many match in all).

    A page that has the query's words in its title comes first (the title that is most
    nearly the query first), then one that has them in its headings: a query that names
    a page's subject finds that page first. For a lay word ("botox"), a page that uses the
    word itself comes before one found only through its wider synonyms ("wrinkles"), and
    a page that names it in a title or heading even before the pages staff linked to it.
    The database's rank orders the rest. The database works out all but the title's
    share, so only CANDIDATES rows come back however many pages match.
    """
    linked = frozenset().union(*(term.pages for term in terms))
    flags = []
    for term in terms:
        found = expression([term])
        flags += [(found, index.TITLE, TITLE_NAMES), (found, index.HEADINGS, HEADINGS_NAME)]
        if term.own:
            own = expression([Term((term.own,), exact=term.exact)])
            flags += [(own, index.NAMING, OWN_NAMED), (own, index.TEXT, OWN_TEXT)]
    rows, count = index.match(
        expression(terms, every),
        language,
        queryset,
        flags=flags,
        also=linked,
        also_weight=LINKED,
        limit=CANDIDATES,
    )
    everything = stems_pattern(set().union(*(term.all_forms() for term in terms)))

    def coverage(stems):
        stems = set(stems.split())
        return sum(1 for stem in stems if everything.fullmatch(stem)) / max(len(stems), 1)

    ranked = sorted(
        rows,
        key=lambda row: (
            -(row[3] // TITLE_NAMES),
            -coverage(row[2]),
            -(row[3] % TITLE_NAMES),
            -row[1],
        ),
    )
    return [row[0] for row in ranked], count


def stems_pattern(wanted):
    """A regular expression finding, in a string of stems, one that is wanted or begins
    with a wanted stem of PREFIX_MIN_LENGTH letters or more (how the index matches),
    at C speed over the titles of hundreds of results)."""
    exact = "|".join(re.escape(stem) for stem in sorted(wanted))
    prefixes = "|".join(
        re.escape(stem) for stem in sorted(wanted) if len(stem) >= PREFIX_MIN_LENGTH
    )
    alternatives = [f"(?:{exact})(?= |$)"] + ([f"(?:{prefixes})[^ ]*"] if prefixes else [])
    return re.compile("(?:^| )(?:" + "|".join(alternatives) + ")")


def hits(queryset, ids, terms, language):
    """[{"article", "snippet"}] of the first MAX_RESULTS ids: two queries in all."""
    ids = ids[:MAX_RESULTS]
    if not ids:
        return []
    # What a result shows (title, link, category) and no more: an article's row is wide,
    # and the index cuts the excerpts.
    shown = ["corpus_key", "category"]
    for code in languages.codes():
        shown += [f"title_{code}", f"slug_{code}", f"category__name_{code}"]
        shown += [f"category__slug_{code}"]
    articles = queryset.filter(pk__in=ids).select_related("category").only(*shown).in_bulk()
    stems = set().union(*(term.all_forms() for term in terms))
    exact = frozenset().union(*(term.exact for term in terms))
    written = marking.written(stems, language, exact)
    # A lay word's excerpt shows the word itself where the page has it, not a synonym.
    own = {form for term in terms for word in term.own for form in word}
    preferred = marking.written(own, language, exact) if own else ()
    shown = index.excerpts(ids, language, written, preferred)
    pattern = words_pattern(written)
    return [
        {
            "article": articles[pk],
            "snippet": excerpt_html(*shown.get(pk, ("", True, True)), pattern),
        }
        for pk in ids
        if pk in articles
    ]


NO_EXCERPT = ("", True, True)
# A letter of a word as search/text.py reads words: the marks' edges.
WORD_CHARACTER = rf"(?:[^\W_]|[{ARABIC_MARKS}{TATWEEL}{FORMAT_CHARACTERS}])"


def words_pattern(written):
    """A regular expression matching any of the written words whole, in any case."""
    if not written:
        return None
    alternatives = "|".join(re.escape(word) for word in sorted(written, key=len, reverse=True))
    return re.compile(
        rf"(?<!{WORD_CHARACTER})(?:{alternatives})(?!{WORD_CHARACTER})", re.IGNORECASE
    )


def excerpt_html(text, starts, ends, pattern):
    """A piece of text, escaped, with the query's words in <mark>, a part-word cut off at
    either end, and "…" where the text goes on."""
    if not starts:
        text = PART_WORD_START.sub("", text, count=1)
    if not ends:
        text = PART_WORD_END.sub("", text, count=1)
    if pattern is not None:
        text = pattern.sub(rf"{index.MARK_START}\g<0>{index.MARK_END}", text)
    html = " ".join(escape(text).split())
    html = html.replace(index.MARK_START, "<mark>").replace(index.MARK_END, "</mark>")
    return mark_safe(("" if starts else "… ") + html + ("" if ends else " …"))  # noqa: S308


PART_WORD_START = re.compile(r"^\S*\s+")
PART_WORD_END = re.compile(r"\s+\S*$")


def known_words(queryset, language):
    """(surface words, their forms) of the indexed articles, cached until the index changes."""
    key = VOCABULARY_CACHE_KEY.format(language)
    known = cache.get(key)
    if known is None:
        surface = index.vocabulary(language, queryset.values("pk"))
        stems = {form for word in surface for form in forms(word, language)}
        known = (sorted(surface), stems)
        cache.set(key, known, CACHE_SECONDS)
    return known


def forget_vocabulary():
    for code in languages.codes():
        cache.delete(VOCABULARY_CACHE_KEY.format(code))
    marking.forget()


def suggest(queryset, query, language):
    """The query with each word the index does not know replaced by the closest one it does."""
    surface, stems = known_words(queryset, language)
    changed, out = False, []
    for word in WORD_RE.findall(clean(query)):
        found = forms(word, language)
        # Only a word the articles do not know and the language does not either: a
        # real word ("shower", «أستحم») is never turned into another ("showed", «استمر»).
        if found and not stems.intersection(found) and not is_real_word(word, language):
            best = process.extractOne(
                normalise_characters(word), surface, scorer=fuzz.ratio, score_cutoff=70
            )
            if best:
                out.append(best[0])
                changed = True
                continue
        out.append(word)
    return " ".join(out) if changed else ""


def search_url(language, query):
    with translation.override(language):
        return reverse("search:results") + "?" + urlencode({"q": query})


@functools.cache
def script(code):
    """The writing system of a language ("ARABIC", "LATIN"...), read from the first
    letter of its own name for itself."""
    name = translation.get_language_info(code)["name_local"]
    return next((unicodedata.name(c).split()[0] for c in name if c.isalpha()), "")


def written_in(query, code):
    """Whether every letter of the query is of the language's writing system."""
    letters = [c for c in query if c.isalpha()]
    wanted = script(code)
    return bool(letters) and all(unicodedata.name(c, "").startswith(wanted) for c in letters)


def search_articles(queryset, query, language):
    """The one search the site offers: ranked hits with excerpts, and what to try next."""
    terms = parse(query, language)
    results = Results(query=query, terms=terms)
    if not terms:
        return results
    found, count = matching(queryset, terms, language)
    if not count and len(terms) > 1:
        found, count = matching(queryset, terms, language, every=False)
        results.partial = bool(count)
    shown_terms = terms
    # Pages with every word the visitor typed: a correction must find far more of them.
    complete = 0 if results.partial else count
    if complete <= 1:
        suggestion = suggest(queryset, query, language)
        corrected = parse(suggestion, language) if suggestion else []
        better, better_count = matching(queryset, corrected, language) if corrected else ([], 0)
        if better_count > complete and better_count >= FAR_MORE * complete:
            results.suggestion = suggestion
            results.suggestion_url = search_url(language, suggestion)
            if not complete:
                # The query found nothing, or no page with all its words: show what its
                # correction finds, and say so.
                found, shown_terms = better, corrected
                results.corrected, results.partial = True, False
    results.hits = hits(queryset, found, shown_terms, language)
    # The other languages' pages, when this one has none or the query is in their script.
    for other in languages.codes():
        if other == language or not (not found or written_in(query, other)):
            continue
        other_terms = parse(query, other)
        ids, total = matching(queryset, other_terms, other) if other_terms else ([], 0)
        if ids:
            results.others.append(
                {"language": other, "count": total, "url": search_url(other, query), "ids": ids}
            )
    if results.others:
        first = results.others[0]
        results.other_language, results.other_count = first["language"], first["count"]
        results.other_url = first["url"]
        if not found and written_in(query, first["language"]):
            # «مميعات الدم» on the English page (the language switch carries the query):
            # the English pages of what the Arabic search finds, not "No pages match".
            results.hits = hits(queryset, first["ids"], [], language)
            results.translated = bool(results.hits)
    return results
