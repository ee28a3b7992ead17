"""The test suite's settings: the project's own, on a developer's footing (DEBUG=true in
the environment, as `make run` sets it), so that no SECRET_KEY is needed. Subprocesses
that play production set DEBUG=false and a key themselves (tests/production.py)."""

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("DEBUG", "true")

from mesoinfo.env import cache_settings  # noqa: E402
from mesoinfo.settings import *  # noqa: E402,F403
from mesoinfo.settings import STORAGES  # noqa: E402

# The manifest storage needs collectstatic first; tests serve files as they are.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The site's own caches (pages, each process's copy, rate limits), in a folder of this
# test run: a development server or another test run on the machine shares nothing.
# Removed when the process that made it exits (not a child forked from it, a server's
# worker, which exits while the others still use the folder).
CACHE_FOLDER = tempfile.mkdtemp(prefix="mesoinfo-test-cache-")
CACHE_FOLDER_OWNER = os.getpid()
CACHES = cache_settings(CACHE_FOLDER)


def _remove_cache_folder():
    if os.getpid() == CACHE_FOLDER_OWNER:
        shutil.rmtree(CACHE_FOLDER, ignore_errors=True)


atexit.register(_remove_cache_folder)
# Staff sign in with a password alone, except in the tests of the second factor itself
# (tests/twofactor/test_two_factor.py and the browser test), which turn it back on.
STAFF_OTP_REQUIRED = False
# PBKDF2 costs a third of the suite's CPU and tests nothing here: MD5 for the whole suite
# (as bakerydemo's test settings). No test needs the real one: the backup test looks for the
# account's own stored hash, whatever the hasher, in the encrypted file.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
