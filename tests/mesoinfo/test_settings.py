"""Settings a deployment switches on through the environment actually work."""

import os
import subprocess
import sys
from pathlib import Path

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


def test_redis_url_gives_a_working_redis_cache_client():
    # The client is built without connecting; a missing `redis` package fails here.
    out = settings_in_a_fresh_process(
        "from django.core.cache import cache; print(type(cache._cache.get_client()).__name__)",
        REDIS_URL="redis://127.0.0.1:1/0",
    )
    assert out == "Redis"


def test_default_cache_is_shared_by_every_process_on_the_machine(tmp_path):
    code = "from django.core.cache import cache; {}"
    settings_in_a_fresh_process(
        code.format("cache.set('shared', 'from process one', 60)"), CACHE_DIR=str(tmp_path)
    )
    out = settings_in_a_fresh_process(
        code.format("print(cache.get('shared'))"), CACHE_DIR=str(tmp_path)
    )
    assert out == "from process one"
