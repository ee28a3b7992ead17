"""Automated audits of every public page type in both languages: axe-core and the Nu checker."""

import json
import subprocess
from pathlib import Path

import pytest

from .conftest import NODE_MODULES
from .helpers import tour

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page):
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["html"][:160] for n in v["nodes"][:3]],
        }
        for v in result["violations"]
    ]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_axe_finds_no_wcag_violations(page, site, language):
    assert AXE.exists(), "axe-core missing: run `make test` (npm ci in tests/browser)"
    found, visited = {}, []
    for name, _html in tour(page, language, site):
        visited.append(name)
        violations = axe_violations(page)
        if violations:
            found[name] = violations
    assert len(visited) >= 10
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)


def test_the_axe_harness_reports_what_it_finds(page, site):
    page.goto("/en/")
    page.evaluate(
        "() => { const img = document.createElement('img'); img.src = '/static/favicon.svg';"
        " document.querySelector('main').append(img); }"
    )
    assert [v["rule"] for v in axe_violations(page)] == ["image-alt"]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_nu_html_checker_finds_no_errors(page, site, language, tmp_path):
    assert VNU.exists(), "vnu-jar missing: run `make test` (npm ci in tests/browser)"
    files = []
    for name, html in tour(page, language, site):
        path = Path(tmp_path) / f"{language}-{name}.html"
        path.write_text(html, encoding="utf-8")
        files.append(str(path))
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own files
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
    assert errors == [], "\n".join(errors)
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(files) >= 10
