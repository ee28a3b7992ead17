"""content is the base: it imports no other app of ours (they add to it through
content/contributions.py, signals or their own registrations), and no domain module
imports one of our template-tag libraries."""

import ast
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
OTHER_APPS = {"editorial", "search", "screener", "clinic", "staff", "twofactor"}
OURS = OTHER_APPS | {"content", "mesoinfo"}
NOT_YET = set()


def imports(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module


def python_files(folder):
    return [p for p in (BASE / folder).rglob("*.py") if "migrations" not in p.parts]


def test_content_imports_no_other_app_of_ours():
    found = {
        (str(path.relative_to(BASE)), name.split(".")[0])
        for path in python_files("content")
        for name in imports(path)
        if name.split(".")[0] in OTHER_APPS
    }
    assert found == NOT_YET


def test_no_domain_module_imports_a_template_tag_library():
    found = [
        f"{path.relative_to(BASE)}: {name}"
        for app in ["content", "editorial", "search", "screener", "clinic", "staff", "mesoinfo"]
        for path in python_files(app)
        if "templatetags" not in path.parts and "tests" not in path.parts
        for name in imports(path)
        if ".templatetags" in name and name.split(".")[0] in OURS
    ]
    assert found == []
