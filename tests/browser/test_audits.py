"""Automated audits of every public page type in both languages: axe-core and the Nu checker.

The tour (helpers.tour) visits every page type once per audit and language; each page
then has a test of its own. A page with a known defect is marked in KNOWN_DEFECTS
(xfail, strict: the mark must go once the page is fixed).
"""

import json
import subprocess
from pathlib import Path

import pytest

from .conftest import NODE_MODULES
from .helpers import TOUR, audit_each_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# (audit, page, language): why. Each is reported to the lead; the page's test is xfail.
KNOWN_DEFECTS = {}


def pages(audit):
    """Parameters (page, language) for an audit's per-page tests, known defects marked."""
    params = []
    for name in TOUR:
        for language in ("ar", "en"):
            reason = KNOWN_DEFECTS.get((audit, name, language))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(name, language, marks=marks, id=f"{name}-{language}"))
    return params


def axe_violations(page):
    """Run axe-core in the page. Its source goes in through the DevTools protocol
    (page.evaluate), which the page's Content Security Policy does not govern: the page
    keeps its real policy, and a <script> tag it would refuse is never needed."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
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


@pytest.mark.parametrize("name,language", pages("axe"))
def test_axe_finds_no_wcag_violations(request, name, language):
    assert AXE.exists(), "axe-core missing: run `make test` (npm ci in tests/browser)"
    found = audit_each_page(request, "axe", language, lambda page, _n, _h: axe_violations(page))
    assert found[name] == [], json.dumps(found[name], ensure_ascii=False, indent=1)


def test_the_axe_harness_reports_what_it_finds(page, site):
    page.goto("/en/")
    page.evaluate(
        "() => { const img = document.createElement('img'); img.src = '/static/favicon.svg';"
        " document.querySelector('main').append(img); }"
    )
    assert [v["rule"] for v in axe_violations(page)] == ["image-alt"]


def nu_checker(folder, language):
    def keep(_page, name, html):
        path = folder / f"{language}-{name}.html"
        path.write_text(html, encoding="utf-8")
        return path

    def check(files):
        command = ["java", "-jar", str(VNU), "--errors-only", "--format", "json"]
        result = subprocess.run(  # noqa: S603 - fixed arguments, our own files
            [*command, *map(str, files.values())],
            capture_output=True,
            text=True,
            timeout=300,
        )
        messages = json.loads(result.stderr or '{"messages": []}')["messages"]
        errors = {name: [] for name in files}
        for m in messages:
            if m.get("type") == "error" or m.get("subType") == "fatal":
                name = Path(m.get("url", "")).stem.split("-", 1)[1]
                errors[name].append(f"line {m.get('lastLine')}: {m['message']}")
        if result.returncode != 0 and not any(errors.values()):
            raise AssertionError(result.stderr[-2000:])
        return errors

    return keep, check


@pytest.mark.parametrize("name,language", pages("nu"))
def test_nu_html_checker_finds_no_errors(request, name, language, tmp_path_factory):
    assert VNU.exists(), "vnu-jar missing: run `make test` (npm ci in tests/browser)"
    keep, check = nu_checker(tmp_path_factory.mktemp("nu"), language)
    errors = audit_each_page(request, "nu", language, keep, finish=check)
    assert errors[name] == [], "\n".join(errors[name])
