"""Which release of the code is running: the same answer on every machine that runs it.

Cached pages are kept per release (content/cache.py), so a deployment never serves pages
rendered by the code before it, and two machines running one commit share their pages.
"""

import functools
import hashlib
from pathlib import Path

from django.apps import apps
from django.conf import settings

BUILT_SUFFIXES = {".pyc", ".mo"}  # made from the sources on each machine


@functools.cache
def release_id():
    """settings.RELEASE_ID, set at deploy (e.g. to the commit); else a digest of the
    sources, the same on every machine holding the same files (uncommitted edits too)."""
    return settings.RELEASE_ID or source_digest(Path(settings.BASE_DIR))


def source_folders():
    """What a page is made of, from the app registry and settings: every installed app that
    is a folder of this project, and the template, translation and static folders; as paths
    relative to BASE_DIR."""
    folders = {Path(app.path) for app in apps.get_app_configs()}
    folders.update(Path(folder) for engine in settings.TEMPLATES for folder in engine["DIRS"])
    folders.update(Path(folder) for folder in settings.LOCALE_PATHS)
    for found in settings.STATICFILES_DIRS:  # a folder, or (prefix, folder)
        folders.add(Path(found[1] if isinstance(found, (list, tuple)) else found))
    base = Path(settings.BASE_DIR).resolve()
    resolved = (folder.resolve() for folder in folders)
    return sorted(folder.relative_to(base) for folder in resolved if folder.parent == base)


def source_digest(base):
    """A digest of the sources' names and contents (never their dates, which differ between
    machines holding the same files)."""
    digest = hashlib.sha256()
    for folder in source_folders():
        for path in sorted((base / folder).rglob("*")):
            if path.suffix not in BUILT_SUFFIXES and path.is_file():
                digest.update(f"{path.relative_to(base)}\n".encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return "sources-" + digest.hexdigest()[:16]
