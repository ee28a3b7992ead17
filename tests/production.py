"""Run the project in a subprocess with production settings (DEBUG off, HTTPS, a real secret).

The database follows DATABASE_URL when it names a PostgreSQL server (the suite's
PostgreSQL run), so these subprocesses exercise PostgreSQL too; otherwise an SQLite file
in the test's folder. A subprocess that writes (migrate, requests) gets a database of its
own from production_database(): an SQLite file, or a fresh database on the same
PostgreSQL server, dropped afterwards.
"""

import functools
import importlib.util
import os
import secrets
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parents[1]
LOAD_TEST = BASE_DIR / "benchmarks" / "load_test.py"


@functools.cache
def load_test_module():
    """benchmarks/load_test.py, which starts gunicorn and prepares throwaway databases."""
    spec = importlib.util.spec_from_file_location("load_test", LOAD_TEST)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def follows_postgres():
    """True when DATABASE_URL names a PostgreSQL server."""
    scheme = urlsplit(os.environ.get("DATABASE_URL", "")).scheme
    return scheme in load_test_module().POSTGRES_SCHEMES


@contextmanager
def production_database(folder):
    """A database URL of one's own, on the same engine as DATABASE_URL (see above)."""
    with load_test_module().scratch_database(Path(folder)) as url:
        yield url


def production_env(database_path, **overrides):
    folder = Path(database_path).parent
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_")) and key not in ("DATABASE_URL", "REDIS_URL")
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "mesoinfo.settings",
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "mesoinfo.example,127.0.0.1,localhost",
            "CSRF_TRUSTED_ORIGINS": "https://mesoinfo.example",
            "SITE_URL": "https://mesoinfo.example",  # staff e-mails link here (editorial.W001)
            # deploy/production.env's placeholder sender (mesoinfo.W003 warns at the default)
            "DEFAULT_FROM_EMAIL": "mesoinfo@mesoinfo.example",
            "DATABASE_URL": (
                os.environ["DATABASE_URL"] if follows_postgres() else f"sqlite:///{database_path}"
            ),
            "STATIC_ROOT": str(folder / "static"),
            # Its own cache: the default one is shared by every process on the machine.
            "CACHE_DIR": str(folder / "cache"),
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update(overrides)
    return env


def manage(env, *args, timeout=120):
    return subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
