"""Installs come from a lock of the whole dependency tree, every file checked by its hash."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"


def normalised(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def locked():
    """{name: (version, number of hashes)} from requirements.lock."""
    entries, current = {}, None
    for line in LOCK.read_text().splitlines():
        pinned = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", line)
        if pinned:
            current = normalised(pinned[1])
            entries[current] = [pinned[2], 0]
        elif current and line.strip().startswith("--hash=sha256:"):
            entries[current][1] += 1
    return entries


def declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["test"]
    return {normalised(re.match(r"[A-Za-z0-9._-]+", r)[0]) for r in requirements}


def test_every_declared_dependency_and_the_installers_are_locked_with_hashes():
    entries = locked()
    missing = (declared() | {"pip", "setuptools"}) - set(entries)
    assert missing == set()
    assert all(hashes >= 1 for _version, hashes in entries.values()), entries
    assert len(entries) > len(declared())  # their own dependencies too


def test_the_locked_django_is_inside_the_declared_range():
    version = tuple(int(part) for part in locked()["django"][0].split("."))
    assert (5, 2, 19) <= version < (5, 3)


def test_make_install_takes_only_locked_files():
    makefile = (ROOT / "Makefile").read_text()
    assert "--require-hashes --upgrade -r $(LOCK)" in makefile
    assert "--no-deps --no-build-isolation -e ." in makefile
    assert '-e ".[test]"' not in makefile
    assert "\nlock:" in makefile
