"""Dependencies point one way (docs: /work/shared/architecture.md, "Apps, and which way the
arrows point"). Every import of every app of ours is read with ast, at module level and
inside functions alike:

- content is the base: it imports no other app of ours, only mesoinfo's shared helpers
  (languages, validators, privacy...). The others add to it through content/contributions.py,
  signals or their own admin registrations.
- No two apps import each other, however indirectly the pair is spelled.
- mesoinfo is two things: shared helpers every app may use (which import no app), and the
  project's wiring below, which puts the apps together and so may import any of them;
  nothing imports the wiring.
- Domain code never imports a template-tag library.
"""

import ast
from itertools import combinations
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
APPS = ["mesoinfo", "content", "editorial", "search", "screener", "clinic", "staff", "twofactor"]

# The project's wiring: modules whose job is to put the apps together. Each may import any
# app; no app may import one of them.
WIRING = {
    "mesoinfo/urls.py": "the root URLconf: it routes every app's views and sitemaps",
    "mesoinfo/settings.py": "the settings name every app (INSTALLED_APPS) and staff's labels",
    "mesoinfo/wsgi.py": "the server's entry point",
    "mesoinfo/asgi.py": "the server's entry point",
    "mesoinfo/management/commands/check_deployment.py": (
        "walks the running site through the screener, as a visitor would"
    ),
}

# Imports that break a rule on purpose, {(file, app it imports): reason}. Ideally none.
ALLOWED = {}


def allowed(file, module):
    return (file, module.split(".")[0]) in ALLOWED


def python_files(app):
    for path in sorted((BASE / app).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def imported_modules(path):
    """Every module `path` imports, absolute, wherever the import statement stands."""
    package = ".".join(path.relative_to(BASE).with_suffix("").parts[:-1])
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module
            yield module
            # `from editorial import workflow` names a module too.
            yield from (f"{module}.{alias.name}" for alias in node.names)


def edges():
    """(file, its app, the app of ours it imports, the module named) for every import."""
    for app in APPS:
        for path in python_files(app):
            name = str(path.relative_to(BASE))
            for module in imported_modules(path):
                target = module.split(".")[0]
                if target in APPS:
                    yield name, app, target, module


def module_file(module):
    return str(Path(*module.split("."))) + ".py"


def test_the_wiring_and_the_exceptions_name_real_files():
    for name in [*WIRING, *(file for file, _app in ALLOWED)]:
        assert (BASE / name).is_file(), name


def test_content_imports_no_other_app_and_no_wiring():
    found = {
        (file, module)
        for file, app, target, module in edges()
        if app == "content"
        and (target not in {"content", "mesoinfo"} or module_file(module) in WIRING)
        and not allowed(file, module)
    }
    assert found == set(), found


def test_nothing_imports_the_wiring():
    found = {
        (file, module)
        for file, _app, _target, module in edges()
        if module_file(module) in WIRING and file not in WIRING
    }
    assert found == set(), found


def test_mesoinfos_shared_helpers_import_no_app():
    found = {
        (file, module)
        for file, app, target, module in edges()
        if app == "mesoinfo"
        and target != "mesoinfo"
        and file not in WIRING
        and not allowed(file, module)
    }
    assert found == set(), found


def test_no_two_apps_import_each_other():
    arrows = {}
    for file, app, target, _module in edges():
        if app != target and file not in WIRING and not allowed(file, target):
            arrows.setdefault((app, target), file)
    both_ways = [
        f"{a} <-> {b}: {arrows[a, b]}, {arrows[b, a]}"
        for a, b in combinations(APPS, 2)
        if (a, b) in arrows and (b, a) in arrows
    ]
    assert both_ways == []


def test_no_domain_module_imports_a_template_tag_library():
    found = {
        (file, module)
        for file, _app, _target, module in edges()
        if "templatetags" in module.split(".")
        and "templatetags" not in Path(file).parts
        and not allowed(file, module)
    }
    assert found == set(), found


def test_the_rules_can_fail():
    # The reader itself: a relative import inside a function counts as much as any other.
    path = BASE / "editorial" / "admin.py"
    assert "editorial.content_admin" in set(imported_modules(path))
    assert ("content", "editorial") not in {(app, target) for _f, app, target, _m in edges()}
    assert ("editorial", "content") in {(app, target) for _f, app, target, _m in edges()}
