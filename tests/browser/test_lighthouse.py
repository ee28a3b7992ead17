"""Lighthouse on the home page, an article, a screener question and an outcome page.

Each in both languages, on Lighthouse's default mobile emulation. The four scores are
printed at the end of the run (and kept as JSON reports in test-artifacts/lighthouse/);
accessibility, best practices and SEO must reach 100, performance 98 (the median of three
runs when the first falls short).
Screener pages are `noindex` on purpose (answers about health are nobody's search
result), so for them SEO is judged on every other SEO audit.
"""

import json
import os
import subprocess

import pytest

from .conftest import ARTIFACTS, CHROMIUM, CHROMIUM_FLAGS, LIGHTHOUSE_SCORES, NODE_MODULES
from .helpers import take_screener, url_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
GATES = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
# The result page is padded to one size for every set of answers (48 KB, the largest
# Arabic result's bucket: screener/padding.py), so that its size tells nobody the answers;
# on Lighthouse's simulated slow mobile link those bytes cost a point or two of paint time.
# Privacy wins: its performance gate is 95.
PAGE_GATES = {"screener-outcome": {"performance": 95}}
INTENTIONALLY_NOINDEX = {"screener-question", "screener-outcome"}


def run_lighthouse(url, name, headers=None):
    out = ARTIFACTS / "lighthouse"
    out.mkdir(parents=True, exist_ok=True)
    report = out / f"{name}.json"
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags=--headless=new {' '.join(CHROMIUM_FLAGS)}",
        "--max-wait-for-load=30000",
    ]
    if headers:
        command.append(f"--extra-headers={json.dumps(headers)}")
    for _attempt in range(3):
        done = subprocess.run(  # noqa: S603 - fixed arguments
            command,
            timeout=180,
            capture_output=True,
            text=True,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
        )
        # On a busy machine Chromium's trace sometimes misses the navigation start;
        # Lighthouse itself says to run it again. Any other failure fails at once.
        if done.returncode == 0 or "NO_NAVSTART" not in done.stderr:
            break
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(report.read_text())


def score_without(result, category, left_out):
    """A category's score computed the way Lighthouse does, leaving some audits out."""
    total = weight = 0.0
    for ref in result["categories"][category]["auditRefs"]:
        audit = result["audits"][ref["id"]]
        if ref["id"] in left_out or audit["score"] is None or ref["weight"] == 0:
            continue
        total += ref["weight"] * audit["score"]
        weight += ref["weight"]
    return round(100 * total / weight)


def failed_audits(result, category):
    return [
        f"{ref['id']}: {result['audits'][ref['id']]['title']}"
        for ref in result["categories"][category]["auditRefs"]
        if ref["weight"]
        and (result["audits"][ref["id"]]["score"] or 0) < 1
        and result["audits"][ref["id"]]["score"] is not None
    ]


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("name", ["home", "article", "screener-question", "screener-outcome"])
def test_lighthouse_scores(page, site, live_server, name, language):
    assert LIGHTHOUSE.exists(), "lighthouse missing: run `make test` (npm ci in tests/browser)"
    headers = None
    if name == "home":
        path = f"/{language}/"
    elif name == "article":
        path = url_in(language, site["article"])
    elif name == "screener-question":
        path = f"/{language}/screener/question/1/"
    else:  # the outcome exists only in the visitor's session: take the screener first
        take_screener(page, language, {3: "yes"})
        page.click("main form button[type=submit]")
        page.wait_for_url("**/screener/result/")
        path = f"/{language}/screener/result/"
        cookies = page.context.cookies()
        headers = {"Cookie": "; ".join(f"{c['name']}={c['value']}" for c in cookies)}
    page.goto(path)  # the page works, and the offsite guard sees it too
    result = run_lighthouse(live_server.url + path, f"{name}-{language}", headers)
    assert result["finalDisplayedUrl"].endswith(path)
    scores = {c: round(100 * result["categories"][c]["score"]) for c in CATEGORIES}
    if scores["performance"] < (GATES | PAGE_GATES.get(name, {}))["performance"]:
        # Timings move with the other work on a shared machine (a page without JavaScript
        # once showed 300 ms of blocking time): as Lighthouse advises, the median of
        # three runs is the performance score.
        runs = [scores["performance"]]
        for attempt in (2, 3):
            again = run_lighthouse(live_server.url + path, f"{name}-{language}-{attempt}", headers)
            runs.append(round(100 * again["categories"]["performance"]["score"]))
        scores["performance"] = sorted(runs)[1]
    if name in INTENTIONALLY_NOINDEX:
        scores["seo"] = score_without(result, "seo", {"is-crawlable"})
    LIGHTHOUSE_SCORES.append((f"{name}-{language}", scores))
    gates = GATES | PAGE_GATES.get(name, {})
    low = {c: failed_audits(result, c) for c, gate in gates.items() if scores[c] < gate}
    assert low == {}, json.dumps({"scores": scores, "failing": low}, indent=1)
