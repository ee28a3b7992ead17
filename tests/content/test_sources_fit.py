"""Every source in the corpus fits its database columns: SQLite would store a longer value,
PostgreSQL refuses it, and load_corpus would stop on a fresh production database."""

from pathlib import Path

import yaml
from django.conf import settings

from content.models import Source


def test_every_corpus_source_fits_its_columns():
    sources = yaml.safe_load((Path(settings.BASE_DIR) / "content/corpus/sources.yaml").read_text())
    too_long = [
        (entry["key"], name, len(str(value)), Source._meta.get_field(name).max_length)
        for entry in sources
        for name, value in entry.items()
        if name in ("title", "publisher", "url", "language")
        and len(str(value)) > Source._meta.get_field(name).max_length
    ]
    assert too_long == []
