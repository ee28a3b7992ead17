"""Installs come from locks of the whole dependency tree, every file checked by its hash:
requirements.lock for what the site runs on (`make run`, production), and
requirements-test.lock for the same versions plus the test tools (`make test`)."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
TEST_LOCK = ROOT / "requirements-test.lock"


def normalised(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def locked(path):
    """{name: [version, number of hashes]} from a lock."""
    entries, current = {}, None
    for line in path.read_text().splitlines():
        pinned = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", line)
        if pinned:
            current = normalised(pinned[1])
            entries[current] = [pinned[2], 0]
        elif current and line.strip().startswith("--hash=sha256:"):
            entries[current][1] += 1
    return entries


def declared(group=None):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = (
        project["dependencies"] if group is None else project["optional-dependencies"][group]
    )
    return {normalised(re.match(r"[A-Za-z0-9._-]+", r)[0]) for r in requirements}


def test_the_runtime_lock_holds_the_site_and_the_installers_and_no_test_tool():
    entries = locked(LOCK)
    assert (declared() | {"pip", "setuptools"}) - set(entries) == set()
    assert all(hashes >= 1 for _version, hashes in entries.values()), entries
    assert len(entries) > len(declared())  # their own dependencies too
    # Production installs no test tool (pytest, Playwright, hypothesis, ruff, ...).
    assert declared("test") & set(entries) == set()


def test_the_test_lock_adds_the_test_tools_at_the_runtime_versions():
    runtime, test = locked(LOCK), locked(TEST_LOCK)
    assert (declared() | declared("test") | {"pip", "setuptools"}) - set(test) == set()
    assert all(hashes >= 1 for _version, hashes in test.values()), test
    assert {name: test[name][0] for name in runtime} == {
        name: version for name, (version, _hashes) in runtime.items()
    }


def test_the_locked_django_is_inside_the_declared_range():
    for lock in (LOCK, TEST_LOCK):
        version = tuple(int(part) for part in locked(lock)["django"][0].split("."))
        assert (5, 2, 20) <= version < (5, 3)


def test_make_install_takes_only_locked_files():
    makefile = (ROOT / "Makefile").read_text()
    assert "--require-hashes --upgrade -r $(LOCK)" in makefile
    assert "--require-hashes --upgrade -r $(TEST_LOCK)" in makefile
    assert "--no-deps --no-build-isolation -e ." in makefile
    assert '-e ".[test]"' not in makefile
    assert "\nlock:" in makefile
    # `make run` installs the runtime lock alone; `make test` the test lock.
    assert (
        "\nsetup: setup-mode messages" in makefile and "\nmessages: install system-deps" in makefile
    )
    assert "\ntest: install-test " in makefile
