"""Readers of the environment for mesoinfo/settings.py, which stays the one settings module
and reads every variable through them (env_str, env_bool, env_int, env_list, and the
composite readers below), never through os.environ itself."""

import os
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

DEV_SECRET_KEY = "django-insecure-development-only-never-use-in-production"  # noqa: S105


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    return int(os.environ.get(name, str(default)))


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def secret_key(debug):
    """SECRET_KEY, or the development key on a developer's machine; refuses a weak one."""
    key = os.environ.get("SECRET_KEY", "")
    if not key:
        if not debug:
            raise ImproperlyConfigured(
                "SECRET_KEY must be set when DEBUG is off (on a developer's machine: DEBUG=true)."
            )
        return DEV_SECRET_KEY
    if not debug and (key == DEV_SECRET_KEY or len(key) < 50):
        raise ImproperlyConfigured("SECRET_KEY must be a real secret of at least 50 characters.")
    return key


def database(default_url):
    """DATABASE_URL as Django's DATABASES["default"]."""
    db = dj_database_url.parse(
        os.environ.get("DATABASE_URL", default_url),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
    if db["ENGINE"] == "django.db.backends.sqlite3":
        # Several server processes may write at once: wait for the lock instead of failing,
        # take it at the start of each transaction, and let readers go on meanwhile.
        db.setdefault("OPTIONS", {}).update(
            {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                # secure_delete: a deleted row's bytes are overwritten, not left in free pages.
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON"
                ),
            }
        )
    return db


def proxy_ssl_header():
    """SECURE_PROXY_SSL_HEADER for the header named by PROXY_SSL_HEADER, or None."""
    header = os.environ.get("PROXY_SSL_HEADER", "").strip()
    if not header:
        return None
    return (f"HTTP_{header.upper().replace('-', '_')}", "https")


def redis_database(url, offset):
    """The Redis URL `url` moved to the database `offset` after its own (/N, or ?db=N)."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    if parts.scheme == "unix":  # the path is the socket's
        query["db"] = str(int(query.get("db") or 0) + offset)
        return f"unix://{parts.netloc}{parts.path}?{urlencode(query)}"
    number = int(query.pop("db", None) or parts.path.strip("/") or 0) + offset
    return urlunsplit(parts._replace(path=f"/{number}", query=urlencode(query)))


def cache_settings(folder, redis_url=""):
    """The site's caches: "default" is shared by every process (files under `folder`, or one
    Redis); "pages" holds the cached public pages, which an edit clears whole (content/cache.py),
    so they are kept apart: their own folder, or the Redis database after REDIS_URL's (clear()
    empties a whole Redis database); "local" is each process's own copy of small fragments;
    "ratelimit" keeps the counts apart, so that no number of cached pages can push a live
    count out."""
    folder = Path(folder)
    if redis_url:
        shared = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
        pages = {**shared, "LOCATION": redis_database(redis_url, 1)}
        counters = {**shared, "KEY_PREFIX": "ratelimit"}
    else:
        shared = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(folder),
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
        pages = {**shared, "LOCATION": str(folder / "pages")}
        # Django's file cache culls a random third of its entries once MAX_ENTRIES is
        # reached: a flood of keys would then reset live counts. The counters' cache is
        # never culled; the daily purge_personal_data empties it instead (an hourly count
        # lost once a day, at night), which keeps its folder from growing.
        counters = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(folder / "ratelimit"),
            "OPTIONS": {"MAX_ENTRIES": 10**9},
        }
    local = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "mesoinfo-fragments",
        "OPTIONS": {"MAX_ENTRIES": 500},
    }
    return {"default": shared, "pages": pages, "local": local, "ratelimit": counters}
