"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

`make test` installs Chromium (Debian's package) and the npm audit tools in
tests/browser/node_modules; Playwright never downloads a browser. Every page a test
opens is watched: a request to any other origin fails the test.
"""

import importlib
import json
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from content.models import Category

# Playwright's sync API runs an event loop in this thread; the test's own database calls
# are ordinary synchronous calls, so Django's guard against async contexts is lifted here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

HERE = Path(__file__).resolve().parent
NODE_MODULES = HERE / "node_modules"
ARTIFACTS = HERE.parent.parent / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test` (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _quick_consultation_form(settings):
    # The form refuses submissions faster than a person; a test types faster than a person.
    settings.CONSULTATION_MIN_FILL_SECONDS = 0


# Reports every Content Security Policy violation in a page (the browser also logs it to
# the console, but not every kind). Init scripts and exposed bindings are added through
# the DevTools protocol, which the page's policy does not govern.
CSP_LISTENER = """
document.addEventListener('securitypolicyviolation', (event) => {
  window.__mesoinfoCspViolation(
    `${event.effectiveDirective} refused ${event.blockedURI || 'inline code'}`
    + ` (${event.sourceFile || document.URL}:${event.lineNumber}) ${event.sample || ''}`.trim()
  );
}, true);
"""
# The browser logs a document's own error status ("Failed to load resource: the server
# responded with a status of 404") as a console error. The tour visits error pages on
# purpose: such a message about a page that was navigated to is not a fault.
FAILED_LOAD = "Failed to load resource: the server responded with a status of"


class PageWatch:
    """What went wrong in a browser context, page by page: CSP violations, console errors,
    uncaught exceptions, and every request (one to another origin fails the test)."""

    def __init__(self):
        self.requests = []
        self.navigations = set()
        self.problems = {}  # page address: [what went wrong]
        self.watched = []

    def note(self, url, problem):
        self.problems.setdefault(url, []).append(problem)

    def on_request(self, request):
        self.requests.append(request.url)
        if request.is_navigation_request():
            self.navigations.add(request.url.split("#", 1)[0])

    def on_console(self, page, message):
        if message.type != "error":
            return
        where = (message.location or {}).get("url", "")
        if message.text.startswith(FAILED_LOAD) and where.split("#", 1)[0] in self.navigations:
            return
        self.note(page.url, f"console error: {message.text} ({where})")

    def watch(self, page):
        if page in self.watched:
            return
        self.watched.append(page)
        page.on("console", lambda message: self.on_console(page, message))
        page.on("pageerror", lambda error: self.note(page.url, f"uncaught exception: {error}"))

    def csp_violation(self, source, text):
        self.note(source["frame"].url, f"CSP violation: {text}")


@pytest.fixture
def new_page(chromium, live_server):
    """Open pages in fresh browser contexts under the site's real Content Security Policy.

    Afterwards no request may have left the site, and no page may have broken its
    policy, logged an error to the console or thrown an uncaught exception.
    """
    contexts, watch = [], PageWatch()

    def make(viewport=DESKTOP, locale="ar"):
        context = chromium.new_context(base_url=live_server.url, viewport=viewport, locale=locale)
        context.expose_binding("__mesoinfoCspViolation", watch.csp_violation)
        context.add_init_script(script=CSP_LISTENER)
        context.on("request", watch.on_request)
        context.on("page", watch.watch)
        contexts.append(context)
        page = context.new_page()
        watch.watch(page)
        page.set_default_timeout(15_000)
        return page

    make.watch = watch
    yield make
    for context in contexts:
        # The live server shares one in-memory database connection between its threads
        # and the test: let every request finish before the database is reset.
        for open_page in context.pages:
            open_page.wait_for_load_state("networkidle")
        context.close()
    if not contexts:
        return  # the test failed before opening a page
    assert watch.requests, "no page was opened"
    offsite = [
        url
        for url in watch.requests
        if not url.startswith((live_server.url + "/", "data:", "blob:"))
    ]
    assert offsite == [], f"requests left the site's origin: {offsite}"
    assert watch.problems == {}, json.dumps(watch.problems, ensure_ascii=False, indent=1)


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def site(make_article, category, about_page, clinic_profile):
    """A small site in both languages: two sections, the articles the screener links to,
    the About and editorial policy pages, and the clinic's profile filled in."""
    other = Category.objects.create(
        name_ar="الآثار الجانبية",
        name_en="Side effects",
        slug_ar="الآثار-الجانبية",
        slug_en="side-effects",
        description_ar="ما قد يحدث بعد الجلسة.",
        description_en="What may happen after a session.",
        order=2,
    )
    main = make_article(
        featured=True,
        title_ar="ما هي الميزوثيرابي؟",
        title_en="What is mesotherapy?",
        slug_ar="ما-هي-الميزوثيرابي",
        slug_en="what-is-mesotherapy",
        body_ar="## الفكرة\n\nحقن صغيرة في الطبقة الوسطى من الجلد.\n\n## الأدلة\n\nضعيفة.",
        body_en="## The idea\n\nSmall injections into the middle layer of the skin.\n\n"
        "## The evidence\n\nWeak.",
        corpus_key="what-is-mesotherapy",
        last_reviewed=date(2026, 11, 1),
    )
    keyed = {"who-should-not-have-it": other, "side-effects": other, "evidence": category}
    extra = {
        key: make_article(
            category=cat,
            featured=key == "side-effects",
            corpus_key=key,
            title_ar=f"مقالة {n}",
            title_en=f"Article {key}",
            slug_ar=f"مقالة-{key}",
            slug_en=key,
        )
        for n, (key, cat) in enumerate(keyed.items(), start=1)
    }
    return {"article": main, "category": category, "about": about_page, **extra}


LIGHTHOUSE_SCORES = []  # (page, {category: score}), filled by test_lighthouse.py


def pytest_terminal_summary(terminalreporter):
    if LIGHTHOUSE_SCORES:
        terminalreporter.section("Lighthouse scores")
        for name, scores in LIGHTHOUSE_SCORES:
            line = "  ".join(f"{category} {score:3d}" for category, score in scores.items())
            terminalreporter.write_line(f"{name:18} {line}")


@pytest.fixture
def browser_editor(db, django_user_model):
    """A member of "Content editors", whatever earlier live-server tests left in the database.

    Live-server tests empty the database after each test and rely on serialized rollback
    to restore what migrations created; this fixture does not depend on that.
    """
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.management import create_contenttypes

    EDITOR_LOSES = importlib.import_module(  # noqa: N806
        "content.migrations.0012_medical_reviewers_group"
    ).EDITOR_LOSES
    content = apps.get_app_config("content")
    create_contenttypes(content, verbosity=0)
    create_permissions(content, verbosity=0)
    group, _created = Group.objects.get_or_create(name="Content editors")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="content",
            content_type__model__in=["article", "category", "reviewer", "source"],
        ).exclude(codename__in=[*EDITOR_LOSES, "publish_article"])
    )
    user = django_user_model.objects.create_user(
        username="editor",
        password="a-long-test-password-42",
        is_staff=True,
        email="editor@example.org",
    )
    user.groups.add(group)
    return user
