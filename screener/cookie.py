"""The screener's state cookie, encrypted and authenticated with Fernet under a key derived
from SECRET_KEY (and each fallback, so that a key rotation keeps visitors' answers)."""

import base64
import functools
import json

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

COOKIE_NAME = "screener"
# The HKDF "info": a key for this one purpose, unrelated to Django's own signing keys.
PURPOSE = b"mesoinfo.screener.state-cookie.v1"


class Unreadable(Exception):
    """The cookie was not made with any of the site's keys, or was changed since."""


def _fernet(secret):
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=PURPOSE).derive(
        secret.encode() if isinstance(secret, str) else secret
    )
    return Fernet(base64.urlsafe_b64encode(key))


def _keys():
    secrets = (settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", []))
    return _keys_for(secrets)


@functools.lru_cache(maxsize=8)
def _keys_for(secrets):
    """The keys for these secrets, derived once per process (HKDF on every request would
    cost more than reading the cookie); a changed setting is a new entry."""
    return MultiFernet([_fernet(secret) for secret in secrets])


def payload_of(data):
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()


def seal(data):
    """The dict `data` as a cookie value only the site can read."""
    # Not compressed: the cookie's length must not depend on the answers in it.
    payload = payload_of(data)
    return _keys().encrypt(payload).decode("ascii")


def unseal(value):
    """The dict inside a cookie made by seal(); Unreadable for anything else."""
    try:
        data = json.loads(_keys().decrypt(value.encode("ascii")))
    except (InvalidToken, UnicodeError, ValueError) as error:
        raise Unreadable from error
    if not isinstance(data, dict):
        raise Unreadable
    return data


def cookie_name():
    # The __Host- prefix (HTTPS only, this host only, path /) wherever cookies are Secure.
    return f"__Host-{COOKIE_NAME}" if settings.SESSION_COOKIE_SECURE else COOKIE_NAME


def cookie_flags():
    """The same flags for setting and for deleting, so a browser always matches the two."""
    return {
        "path": "/",
        "secure": settings.SESSION_COOKIE_SECURE,
        "httponly": True,
        "samesite": "Lax",
    }


def write(response, data):
    response.set_cookie(cookie_name(), seal(data), **cookie_flags())


def delete(response):
    flags = cookie_flags()
    # delete_cookie takes no httponly; set an empty, already expired cookie with every flag.
    response.set_cookie(
        cookie_name(), "", max_age=0, expires="Thu, 01 Jan 1970 00:00:00 GMT", **flags
    )
