"""Every source in the corpus fits its database columns: SQLite would store a longer value,
PostgreSQL refuses it, and load_corpus would stop on a fresh production database."""

from pathlib import Path

import yaml
from django.conf import settings

from content.corpus_loader import SOURCE_FIELDS
from content.models import Source


def corpus_sources():
    return yaml.safe_load((Path(settings.BASE_DIR) / "content/corpus/sources.yaml").read_text())


def test_every_corpus_source_fits_its_columns():
    too_long = [
        (entry["key"], name, len(str(value)), Source._meta.get_field(name).max_length)
        for entry in corpus_sources()
        for name, value in entry.items()
        if name in SOURCE_FIELDS
        and Source._meta.get_field(name).max_length
        and len(str(value)) > Source._meta.get_field(name).max_length
    ]
    assert too_long == []


def test_every_key_of_a_corpus_source_is_one_the_loader_reads():
    # A misspelt key ("notes:", "link:") would be dropped without a word.
    unknown = {
        (entry["key"], name)
        for entry in corpus_sources()
        for name in entry
        if name != "key" and name not in SOURCE_FIELDS
    }
    assert unknown == set()
    kinds = {entry.get("link_kind", Source.LinkKind.ORIGINAL) for entry in corpus_sources()}
    assert kinds <= set(Source.LinkKind.values)
    assert {type(entry.get("authors_checked", True)) for entry in corpus_sources()} == {bool}
