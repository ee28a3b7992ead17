"""The relevance set: what patients type finds the right page among the first three."""

import pytest
from django.core.management import call_command

from .relevance import ARABIC, ENGLISH
from .searching import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    call_command("load_corpus", verbosity=0)


def top_three(query, language):
    results = search(query, language)
    return [hit["article"].corpus_key for hit in results.hits[:3]]


@pytest.mark.parametrize(("language", "cases"), [("en", ENGLISH), ("ar", ARABIC)])
def test_patients_queries_find_their_pages(corpus, language, cases):
    assert len(cases) >= 40
    misses = []
    for query, pages in cases:
        found = top_three(query, language)
        if not pages.intersection(found):
            misses.append(f"{query!r}: wanted one of {sorted(pages)}, got {found}")
    assert not misses, "\n".join(misses)
