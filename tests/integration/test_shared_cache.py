"""A staff edit reaches every server process at once, not after the page cache expires.

gunicorn runs several worker processes. Each caches rendered pages; the edit is saved by
another process (here a separate `manage.py shell`, as the admin runs in whichever worker
takes the request). Only a cache that all processes share makes every worker forget its
copy: this test starts gunicorn with production settings and two workers, has both serve
and cache an article, changes the article's title from outside, and expects every
later answer, from either worker, to show the new title.
"""

import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.production import load_test_module, production_database

pytestmark = pytest.mark.load

H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
NEW_TITLE = "Mesotherapy, explained again"
RENAME = (
    "from content.models import Article; "
    "article = Article.objects.get(slug_en={slug!r}); "
    "article.title_en = {title!r}; article.save()"
)


def fetch_in_bursts(load_test, server, path, rounds):
    """GET `path` in bursts of four at once (so that both workers answer); the headings."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = []
        for _ in range(rounds):
            answers += pool.map(lambda _n: load_test.get(server.port, path), range(4))
    assert [status for status, _headers, _html in answers] == [200] * len(answers)
    return [H1.search(html).group(1).strip() for _status, _headers, html in answers]


def workers_that_served(server, path, since=0):
    return {pid for pid, request in server.served_by()[since:] if f" {path} " in request}


def test_an_edit_in_another_process_reaches_every_worker(tmp_path):
    load_test = load_test_module()
    with production_database(tmp_path) as database_url:
        env = load_test.server_env(tmp_path, database_url)
        load_test.prepare(env)
        with load_test.gunicorn(env, tmp_path, workers=2) as server:
            path = next(p for p in load_test.site_paths(server.port)["articles"] if "/en/" in p)
            slug = path.rstrip("/").rsplit("/", 1)[1]
            for _ in range(10):  # until both workers have served, and cached, the page
                headings = fetch_in_bursts(load_test, server, path, rounds=3)
                if len(workers_that_served(server, path)) == 2:
                    break
            assert len(workers_that_served(server, path)) == 2, server.served_by()[-20:]
            old_title = headings[0]
            assert old_title != NEW_TITLE and set(headings) == {old_title}

            load_test.manage(env, "shell", "-c", RENAME.format(slug=slug, title=NEW_TITLE))

            seen, headings = len(server.served_by()), []
            for _ in range(10):  # until both workers have answered since the edit
                headings += fetch_in_bursts(load_test, server, path, rounds=3)
                if len(workers_that_served(server, path, since=seen)) == 2:
                    break
            since_edit = server.served_by()[seen:]
            assert len(workers_that_served(server, path, since=seen)) == 2, since_edit[-20:]
            assert headings == [NEW_TITLE] * len(headings), (
                f"{headings.count(old_title)} of {len(headings)} answers still showed "
                f"the old title {old_title!r}: the workers do not share one page cache"
            )
