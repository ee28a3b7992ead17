"""Settings a deployment switches on through the environment actually work."""

import os
import subprocess
import sys
from pathlib import Path

from tests.services import redis_server

ROOT = Path(__file__).resolve().parents[2]


def settings_in_a_fresh_process(code, **env):
    result = subprocess.run(  # noqa: S603 (our own interpreter, our own code)
        [sys.executable, "-c", "import django; django.setup();" + code],
        cwd=ROOT,
        env=os.environ | {"DJANGO_SETTINGS_MODULE": "mesoinfo.settings"} | env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_redis_url_shares_pages_and_counts_between_processes_through_a_real_redis(tmp_path):
    # Two processes (as two machines) with REDIS_URL: what one stores, the other reads,
    # and the rate-limit counts are kept apart from the pages, under their own prefix.
    with redis_server(tmp_path / "redis") as url:
        env = {"REDIS_URL": url, "CACHE_DIR": str(tmp_path / "unused")}
        settings_in_a_fresh_process(
            "from django.core.cache import caches; "
            "caches['default'].set('page', 'from machine one', 60); "
            "caches['ratelimit'].set('count', 0, 60); caches['ratelimit'].incr('count')",
            **env,
        )
        out = settings_in_a_fresh_process(
            "from django.core.cache import caches; "
            "print(caches['default'].get('page'), caches['ratelimit'].incr('count'), "
            "caches['default'].get('count'))",
            **env,
        )
        assert out == "from machine one 2 None"
        # An edit clears the pages (their own Redis database), and nothing else.
        out = settings_in_a_fresh_process(
            "from django.core.cache import caches; "
            "caches['pages'].set('an article', 'html', 60); caches['pages'].clear(); "
            "print(caches['pages'].get('an article'), caches['default'].get('page'), "
            "caches['ratelimit'].get('count'))",
            **env,
        )
        assert out == "None from machine one 2"
        assert not (tmp_path / "unused").exists(), "with REDIS_URL no file cache is written"


def test_default_cache_is_shared_by_every_process_on_the_machine(tmp_path):
    code = "from django.core.cache import cache; {}"
    settings_in_a_fresh_process(
        code.format("cache.set('shared', 'from process one', 60)"), CACHE_DIR=str(tmp_path)
    )
    out = settings_in_a_fresh_process(
        code.format("print(cache.get('shared'))"), CACHE_DIR=str(tmp_path)
    )
    assert out == "from process one"
