"""No private attribute of Django or a library (`obj._name`) in the project's code: they change
without notice between releases. `_meta` and the few underscore names Django and Python
document as public are allowed; so are the project's own underscore names, on its own
objects (a method `_touch` of our class, called as self._touch()).

A name counts as a library's when it appears in the source of Django or of a library the
project imports; it counts as the project's own when the project defines it (`def _x`,
`_x = ...` in a class, `self._x = ...`) and no library has it."""

import ast
import importlib.util
import re
import sys
from functools import cache
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR).resolve()
SKIPPED_FOLDERS = {".venv", "node_modules", "migrations", ".git", "test-artifacts"}
# Documented as public though spelled with an underscore.
DOCUMENTED = {
    "_meta",  # Model._meta (the Model _meta API)
    "_default_manager",  # Model._default_manager
    "_base_manager",
    "_replace",  # namedtuple's documented methods
    "_asdict",
    "_fields",
    "_make",
    "_history_user",  # django-simple-history's documented way to name who changed a row
}
# Known exceptions, each with its reason; the list is meant to shrink, never to grow.
# Known exceptions, each with its reason: none, and the list is never to grow.
EXCEPTIONS = {}
NAME = re.compile(r"\b(_[A-Za-z]\w*)")


def project_files():
    for path in sorted(BASE.rglob("*.py")):
        relative = path.relative_to(BASE)
        if not SKIPPED_FOLDERS.intersection(relative.parts):
            yield relative


def imported_top_modules(trees):
    names = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
    return names


@cache
def library_names(modules):
    """Every underscore name in the source of the third-party packages among `modules`."""
    found = set()
    ours = {path.parts[0] for path in project_files()}
    for name in sorted(modules):
        if name in ours or name in sys.stdlib_module_names:
            continue
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.origin or spec.origin in ("built-in", "frozen"):
            continue
        folder = Path(spec.origin).parent
        files = folder.rglob("*.py") if spec.submodule_search_locations else [Path(spec.origin)]
        for file in files:
            found.update(NAME.findall(file.read_text(errors="replace")))
    return found


def own_names(trees):
    """Underscore names the project defines itself."""
    names = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        names.add(target.id)
                    elif (
                        isinstance(target, ast.Attribute)
                        and isinstance(target.value, ast.Name)
                        and target.value.id in ("self", "cls")
                    ):
                        names.add(target.attr)
    return {name for name in names if name.startswith("_")}


def private_accesses():
    trees = {path: ast.parse((BASE / path).read_text(), str(path)) for path in project_files()}
    libraries = library_names(frozenset(imported_top_modules(trees.values())))
    ours = own_names(trees.values()) - libraries
    found = []
    for path, tree in trees.items():
        in_this_file = own_names([tree])  # self._x where this file defines _x: our own
        for node in ast.walk(tree):
            if not isinstance(node, ast.Attribute):
                continue
            name = node.attr
            if not name.startswith("_") or name.startswith("__") or name in DOCUMENTED:
                continue
            if name in ours or name not in libraries:
                continue
            on_self = isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")
            if on_self and name in in_this_file:
                continue
            if name in EXCEPTIONS.get(str(path), ()):
                continue
            found.append(f"{path}:{node.lineno}: .{name}")
    return found


def test_no_private_attribute_of_django_or_a_library_is_used():
    assert private_accesses() == []


def test_the_scan_finds_a_private_attribute(tmp_path):
    tree = ast.parse("form._errors = None\ncache._key_to_file('k')\nself._touch()\n")
    libraries = library_names(frozenset({"django"}))
    names = [n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)]
    assert [n for n in names if n in libraries] == ["_errors", "_key_to_file"]
