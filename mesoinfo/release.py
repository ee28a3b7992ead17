"""Which release of the code is running: the same answer on every machine that runs it.

Cached pages are kept per release (content/cache.py), so a deployment never serves pages
rendered by the code before it, and two machines running one commit share their pages.
"""

import functools
import hashlib
import re
from pathlib import Path

from django.apps import apps
from django.conf import settings

BUILT_SUFFIXES = {".pyc", ".mo"}  # made from the sources on each machine
COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")  # SHA-1 or SHA-256


@functools.cache
def release_id():
    """settings.RELEASE_ID; else this checkout's git commit; else a digest of its sources.

    With DEBUG on, always the digest: a developer's uncommitted edits are a new release.
    """
    base = Path(settings.BASE_DIR)
    if settings.RELEASE_ID:
        return settings.RELEASE_ID
    return (not settings.DEBUG and git_commit(base)) or source_digest(base)


def git_commit(base):
    """The commit checked out in `base`, read from .git without running git; "" if none.

    Handles a plain clone, a worktree or submodule (.git is a file naming the real folder),
    a detached HEAD, loose and packed refs.
    """
    found = read_head(base)
    return found if COMMIT.fullmatch(found) else ""


def read_head(base):
    try:
        git = base / ".git"
        if git.is_file():
            git = (base / git.read_text().removeprefix("gitdir:").strip()).resolve()
        head = (git / "HEAD").read_text().strip()
        if not head.startswith("ref:"):
            return head
        ref = head.removeprefix("ref:").strip()
        common = git
        if (git / "commondir").is_file():  # a worktree keeps its branches in the main repo
            common = (git / (git / "commondir").read_text().strip()).resolve()
        for folder in (git, common):
            if (folder / ref).is_file():
                return (folder / ref).read_text().strip()
        for line in (common / "packed-refs").read_text().splitlines():
            commit, _space, name = line.partition(" ")
            if name == ref:
                return commit
    except OSError:
        pass
    return ""


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
