"""The release id that cached pages are kept under: the same on every machine running it."""

import shutil
import subprocess
from pathlib import Path

import pytest

from mesoinfo.release import git_commit, release_id

COMMIT = "0123456789abcdef0123456789abcdef01234567"
BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def fresh_release_id():
    release_id.cache_clear()
    yield release_id
    release_id.cache_clear()


def test_release_id_from_the_environment_wins(settings, fresh_release_id):
    settings.RELEASE_ID = "2026-12-01.1"
    assert fresh_release_id() == "2026-12-01.1"


def test_without_release_id_it_is_this_checkouts_commit(settings, fresh_release_id):
    if shutil.which("git") is None or not (BASE_DIR / ".git").exists():
        pytest.skip("not a git checkout")
    head = subprocess.run(  # noqa: S603
        ["git", "rev-parse", "HEAD"],  # noqa: S607
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    settings.RELEASE_ID = ""
    assert fresh_release_id() == head


def test_with_debug_on_uncommitted_edits_make_a_new_release(settings, fresh_release_id):
    settings.RELEASE_ID, settings.DEBUG = "", True
    assert fresh_release_id().startswith("sources-")


def make_git(folder, head, refs=None, packed=""):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "HEAD").write_text(head + "\n")
    for name, commit in (refs or {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(commit + "\n")
    if packed:
        (folder / "packed-refs").write_text(packed)
    return folder


def test_a_branch_checked_out(tmp_path):
    make_git(tmp_path / ".git", "ref: refs/heads/main", {"refs/heads/main": COMMIT})
    assert git_commit(tmp_path) == COMMIT


def test_a_detached_head(tmp_path):
    make_git(tmp_path / ".git", COMMIT)
    assert git_commit(tmp_path) == COMMIT


def test_a_packed_branch(tmp_path):
    packed = f"# pack-refs with: peeled fully-peeled sorted\n{'f' * 40} refs/heads/other\n"
    packed += f"{COMMIT} refs/heads/main\n"
    make_git(tmp_path / ".git", "ref: refs/heads/main", packed=packed)
    assert git_commit(tmp_path) == COMMIT


def test_a_worktree_whose_branches_live_in_the_main_repository(tmp_path):
    main = make_git(tmp_path / "repo" / ".git", "ref: refs/heads/main", {"refs/heads/x": COMMIT})
    worktree = make_git(main / "worktrees" / "x", "ref: refs/heads/x")
    (worktree / "commondir").write_text("../..\n")
    checkout = tmp_path / "x"
    checkout.mkdir()
    (checkout / ".git").write_text(f"gitdir: {worktree}\n")
    assert git_commit(checkout) == COMMIT


@pytest.mark.parametrize(
    "broken", ["no .git", "empty HEAD", "garbage HEAD", "missing ref", "bad .git file"]
)
def test_no_readable_commit_gives_nothing(tmp_path, broken):
    if broken == "empty HEAD":
        make_git(tmp_path / ".git", "")
        (tmp_path / ".git" / "HEAD").write_text("")
    elif broken == "garbage HEAD":
        make_git(tmp_path / ".git", "not a commit at all")
    elif broken == "missing ref":
        make_git(tmp_path / ".git", "ref: refs/heads/gone")
    elif broken == "bad .git file":
        (tmp_path / ".git").write_text("gitdir: /nowhere/at/all\n")
    assert git_commit(tmp_path) == ""
