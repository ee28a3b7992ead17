"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

`make test` installs Chromium (Debian's package) and the npm audit tools in
tests/browser/node_modules; Playwright never downloads a browser. Every page a test
opens is watched: a request to any other origin fails the test.
"""

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


@pytest.fixture
def new_page(chromium, live_server):
    """Open pages in fresh browser contexts; afterwards, no request may have left the site."""
    contexts, requests = [], []

    def make(viewport=DESKTOP, locale="ar"):
        context = chromium.new_context(
            base_url=live_server.url, viewport=viewport, locale=locale, bypass_csp=True
        )
        context.on("request", lambda request: requests.append(request.url))
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield make
    for context in contexts:
        # The live server shares one in-memory database connection between its threads
        # and the test: let every request finish before the database is reset.
        for open_page in context.pages:
            open_page.wait_for_load_state("networkidle")
        context.close()
    if not contexts:
        return  # the test failed before opening a page
    assert requests, "no page was opened"
    offsite = [
        url for url in requests if not url.startswith((live_server.url + "/", "data:", "blob:"))
    ]
    assert offsite == [], f"requests left the site's origin: {offsite}"


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def site(make_article, category):
    """A small site in both languages: two sections, the articles the screener links to."""
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
    return {"article": main, "category": category, **extra}


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

    content = apps.get_app_config("content")
    create_contenttypes(content, verbosity=0)
    create_permissions(content, verbosity=0)
    group, _created = Group.objects.get_or_create(name="Content editors")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="content",
            content_type__model__in=["article", "category", "reviewer", "source"],
        )
    )
    user = django_user_model.objects.create_user(
        username="editor", password="a-long-test-password-42", is_staff=True
    )
    user.groups.add(group)
    return user
