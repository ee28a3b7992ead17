"""Two machines running one commit share their cached pages (issue 19's bug).

Cached pages are kept per release. When the release was a fingerprint of the files'
modification times, two checkouts of the same commit (two machines) had different ones:
an edit saved on one machine forgot only that machine's pages, and the other served the old
text for up to PAGE_CACHE_SECONDS. This test clones the current commit (HEAD: committed code,
not uncommitted edits) twice, gives the second clone other file times, runs one gunicorn
from each against one database and one Redis (Debian's redis-server on loopback, as
REDIS_URL on two machines), edits an article through the first and expects the second to
show the edit on its next request.
"""

import http.client
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.production import load_test_module, production_database
from tests.services import redis_server

pytestmark = pytest.mark.load

BASE_DIR = Path(__file__).resolve().parents[2]
NEW_TITLE = "Mesotherapy, edited on the other machine"
RENAME = (
    "from content.models import Article; "
    "article = Article.objects.get(slug_en={slug!r}); "
    "article.title_en = {title!r}; article.save()"
)


def git(*args, cwd=BASE_DIR):
    return subprocess.run(  # noqa: S603
        ["git", *args],  # noqa: S607
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def checkout(commit, folder, branch=None):
    """A clone of this repository at `commit`: detached, or on a branch of its own."""
    git("clone", "--quiet", "--shared", "--no-checkout", str(BASE_DIR), str(folder))
    if branch:
        git("checkout", "--quiet", "-b", branch, commit, cwd=folder)
    else:
        git("checkout", "--quiet", "--detach", commit, cwd=folder)
    return folder


def get(port, path):
    """A GET as the load balancer passes it on to either machine: the site's one host name
    (each machine listens here on a port of its own, which would be a page of its own)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        headers = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"}
        conn.request("GET", quote(path, safe="/%?=&"), headers=headers)
        response = conn.getresponse()
        return response.status, response.headers, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def h1(html):
    return html.split("<h1", 1)[1].split(">", 1)[1].split("</h1>", 1)[0].strip()


def test_an_edit_on_one_machine_shows_on_the_other(tmp_path):
    if shutil.which("git") is None or not (BASE_DIR / ".git").exists():
        pytest.skip("needs git and a git checkout")
    load_test = load_test_module()
    commit = git("rev-parse", "HEAD")
    machines = [checkout(commit, tmp_path / "one"), checkout(commit, tmp_path / "two", "live")]
    for path in machines[1].rglob("*"):  # the second machine got its files at another time
        if ".git" not in path.parts:
            os.utime(path, (978307200, 978307200), follow_symlinks=False)  # 2001-01-01

    with production_database(tmp_path) as database_url, redis_server(tmp_path / "redis") as redis:
        # One database and one Redis; each machine's own cache folder stays unused.
        shared = load_test.server_env(tmp_path, database_url, REDIS_URL=redis)
        shared.pop("RELEASE_ID", None)  # each machine digests its own copy of the sources
        envs = []
        for machine in machines:
            env = {
                **shared,
                "STATIC_ROOT": str(machine / "staticfiles"),
                "CACHE_DIR": str(machine / "var-cache"),
            }
            load_test.manage(env, "compilemessages", "--ignore", ".venv", "-v", "0", cwd=machine)
            load_test.manage(env, "collectstatic", "--noinput", "-v", "0", cwd=machine)
            envs.append(env)
        load_test.manage(envs[0], "migrate", "--noinput", "-v", "0", cwd=machines[0])
        load_test.manage(envs[0], "load_corpus", "-v", "0", cwd=machines[0])

        logs = [tmp_path / "log-one", tmp_path / "log-two"]
        for log in logs:
            log.mkdir()
        with (
            load_test.gunicorn(envs[0], logs[0], workers=1, cwd=machines[0]) as one,
            load_test.gunicorn(envs[1], logs[1], workers=1, cwd=machines[1]) as two,
        ):
            path = next(p for p in load_test.site_paths(one.port)["articles"] if "/en/" in p)
            slug = path.rstrip("/").rsplit("/", 1)[1]
            answers = {}
            for name, server in (("one", one), ("two", two), ("one again", one), ("two", two)):
                status, headers, html = get(server.port, path)
                assert status == 200, html[:2000]
                answers[name] = (headers["ETag"], h1(html))
            # Both machines serve the page from one cache entry, of one version.
            assert answers["one"] == answers["one again"] == answers["two"]
            old_title = answers["two"][1]
            assert old_title != NEW_TITLE

            rename = RENAME.format(slug=slug, title=NEW_TITLE)
            load_test.manage(envs[0], "shell", "-c", rename, cwd=machines[0])

            status, headers, html = get(two.port, path)
            assert status == 200
            assert h1(html) == NEW_TITLE, (
                f"the other machine still shows {h1(html)!r}: it keeps its pages under "
                "another release than the machine where the edit was made"
            )
            assert headers["ETag"] != answers["two"][0]
            assert h1(get(one.port, path)[2]) == NEW_TITLE
