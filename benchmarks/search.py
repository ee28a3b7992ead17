"""Time the site search over the whole corpus: every query of the relevance set.

    .venv/bin/python benchmarks/search.py            # SQLite, 20 rounds
    DATABASE_URL=postgres://... .venv/bin/python benchmarks/search.py

Prepares a throw-away database (migrate, the article corpus), runs each query of
tests/search/relevance.py in its language, and prints per-query times (median and
95th percentile, in milliseconds) and the database queries one search makes. It
prints figures; it asserts nothing.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="mesoinfo-search-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder}/db.sqlite3")
    os.environ["CACHE_DIR"] = f"{folder}/cache"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mesoinfo.settings")
    os.environ.setdefault("DEBUG", "true")  # a developer's run: no secret key needed
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from content.models import Article
    from search.query import search_articles
    from tests.search.relevance import ARABIC, ENGLISH

    call_command("migrate", verbosity=0)
    call_command("load_corpus", verbosity=0)
    articles = Article.objects.published().count()
    times, counts = [], []
    for language, cases in (("ar", ARABIC), ("en", ENGLISH)):
        with translation.override(language):
            for query, _pages in cases:
                queryset = Article.objects.published().select_related("category")
                search_articles(queryset, query, language)  # warm the synonym cache
                for _ in range(args.rounds):
                    start = time.perf_counter()
                    with CaptureQueriesContext(connection) as queries:
                        search_articles(queryset, query, language)
                    times.append((time.perf_counter() - start) * 1000)
                    counts.append(len(queries))
    times.sort()
    print(
        f"{connection.vendor}: {articles} published articles, {len(ARABIC)} Arabic and "
        f"{len(ENGLISH)} English queries, {args.rounds} rounds each"
    )
    print(
        f"per search: median {statistics.median(times):.1f} ms, "
        f"p95 {times[int(len(times) * 0.95)]:.1f} ms, max {times[-1]:.1f} ms"
    )
    print(f"database queries per search: {min(counts)} to {max(counts)}")


if __name__ == "__main__":
    main()
