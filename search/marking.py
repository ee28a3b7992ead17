"""Which written words of the articles a query's stems mark in an excerpt.

The database cuts and marks the excerpt (search/index.py), but it knows the words only as
written, not by their stems. So the words the excerpts can hold are read from the
database once, each is stemmed once, and a query's stems are looked up here: a dict and
a sorted list, so the work grows with the query, not with the articles.

The table lives in this process, keyed on a version in the shared cache that every
change to the index bumps, so that every process (and machine) rebuilds it after an edit.
"""

import bisect
import secrets
from dataclasses import dataclass

from django.core.cache import cache

from . import index
from .text import WORD_RE, clean, forms

VERSION_KEY = "search:index-version"
PREFIX_MIN_LENGTH = 4


@dataclass(frozen=True)
class Table:
    version: str
    by_form: dict  # form -> written words
    sorted_forms: list  # every form, for the words a stem begins


_tables = {}


def version():
    found = cache.get(VERSION_KEY)
    if found is None:
        found = secrets.token_hex(8)
        cache.add(VERSION_KEY, found, None)
        found = cache.get(VERSION_KEY, found)
    return found


def forget():
    """The index changed: every process rebuilds its tables at its next search."""
    cache.set(VERSION_KEY, secrets.token_hex(8), None)


def table(language):
    current = version()
    found = _tables.get(language)
    if found is None or found.version != current:
        by_form = {}
        for word in index.written_words(language):
            for part in WORD_RE.findall(clean(word)):
                for form in forms(part, language):
                    by_form.setdefault(form, set()).add(word)
        found = Table(current, by_form, sorted(by_form))
        _tables[language] = found
    return found


def written(stems, language, exact=frozenset()):
    """The written words whose forms are among `stems`, or begin with one of them of
    PREFIX_MIN_LENGTH letters or more (unless it is in `exact`)."""
    found = table(language)
    words = set()
    for stem in stems:
        words.update(found.by_form.get(stem, ()))
        if len(stem) >= PREFIX_MIN_LENGTH and stem not in exact:
            position = bisect.bisect_right(found.sorted_forms, stem)
            while position < len(found.sorted_forms) and found.sorted_forms[position].startswith(
                stem
            ):
                words.update(found.by_form[found.sorted_forms[position]])
                position += 1
    return sorted(words)
