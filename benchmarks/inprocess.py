"""Time pages in process, through Django's test client: no server, no load tool.

    .venv/bin/python benchmarks/inprocess.py [--runs 300] [--articles 1000] [--profile]
        [--pages 50] [--production]

Prepares a throw-away SQLite database (or the one DATABASE_URL names), loads the corpus
and, with --articles, the synthetic corpus of benchmarks/corpus.py; then requests each
search of SEARCHES `--runs` times and prints p50, p99 and the database queries per
request, for a query asked for the first time ("new": search/cache.py emptied before
each) and asked again ("again": the results page stored; with --production only, as the
cache is off with DEBUG on). With --pages N, also times the other pages of
benchmarks/pages.py N times each (signed in, for the admin's). With --profile, prints a
cProfile of one English search, asked for the first time and again. On a shared machine these
figures are steadier than a load test's; they assert nothing.
"""

import argparse
import atexit
import cProfile
import os
import pstats
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEARCHES = [
    ("en", "side effects"),
    ("en", "how much does it cost"),
    ("en", "hair loss"),
    ("ar", "الآثار الجانبية"),
    ("ar", "كم سعر الجلسة"),
    ("ar", "تساقط الشعر"),
]


def setup(articles, production=False):
    folder = tempfile.mkdtemp(prefix="mesoinfo-inprocess-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)  # the database and caches
    if production:
        # As run.py's server: DEBUG off (templates and fragments cached), no HTTPS redirect.
        os.environ.update(
            DEBUG="0",
            SECRET_KEY=secrets.token_urlsafe(60),
            ALLOWED_HOSTS="localhost",
            SECURE_SSL_REDIRECT="0",
            LOG_LEVEL="WARNING",
            STATIC_ROOT=f"{folder}/static",
        )
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder}/db.sqlite3")
    os.environ["CACHE_DIR"] = f"{folder}/cache"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mesoinfo.settings")
    os.environ.setdefault("DEBUG", "true")  # a developer's run: no secret key needed
    os.environ.setdefault("STAFF_OTP_REQUIRED", "0")  # the admin pages, signed in
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_corpus", verbosity=0)
    if production:
        call_command("collectstatic", interactive=False, verbosity=0)
    if articles:
        from benchmarks.corpus import generate

        generate(articles)


def timed(client, url, runs, uncached=False):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search import cache

    client.get(url)  # warm caches
    times, counts = [], set()
    for _ in range(runs):
        if uncached:
            cache.forget()  # the results page as a query asked for the first time
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        counts.add(len(queries))
    cuts = statistics.quantiles(times, n=100)
    return cuts[49], cuts[98], sorted(counts)


def search_url(language, query):
    from urllib.parse import urlencode

    return f"/{language}/search/?" + urlencode({"q": query})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--articles", type=int, default=0)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument(
        "--production", action="store_true", help="DEBUG off, as run.py's server has it"
    )
    parser.add_argument(
        "--pages", type=int, default=0, help="also time every page of benchmarks/pages.py"
    )
    args = parser.parse_args()
    setup(args.articles, args.production)
    from django.db import connection
    from django.test import Client

    from content.models import Article

    client = Client(HTTP_HOST="localhost")
    total = Article.objects.count()
    print(f"{connection.vendor}, {total} articles, {args.runs} runs per search")
    print(f"{'search':<32} {'p50 ms':>8} {'p99 ms':>8}  queries")
    for language, query in SEARCHES:
        for uncached in (True, False):
            p50, p99, counts = timed(client, search_url(language, query), args.runs, uncached)
            how = "new" if uncached else "again"
            print(f"{language} {query:<23} {how:>5} {p50:8.1f} {p99:8.1f}  {counts}")
    if args.pages:
        from django.contrib.auth import get_user_model

        from benchmarks.pages import paths

        user, _created = get_user_model().objects.get_or_create(
            username="benchmark", defaults={"is_staff": True, "is_superuser": True}
        )
        client.force_login(user)
        print(f"\n{'page (as served)':<32} {'p50 ms':>8} {'p99 ms':>8}  queries")
        for name, url in paths().items():
            if not name.startswith("search"):
                p50, p99, counts = timed(client, url, args.pages)
                print(f"{name:<32} {p50:8.1f} {p99:8.1f}  {counts}")
    if args.profile:
        from search import cache

        url = search_url("en", "side effects")
        for asked in ("for the first time", "again"):
            client.get(url)
            if asked != "again":
                cache.forget()  # the search itself, not the stored page
            profile = cProfile.Profile()
            profile.enable()
            client.get(url)
            profile.disable()
            stats = pstats.Stats(profile)
            print(f"\ncProfile of one search asked {asked}, {url}: {stats.total_tt * 1000:.1f} ms")
            stats.sort_stats("tottime").print_stats(12)
            stats.sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
