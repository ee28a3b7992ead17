"""The design system's components as a reader sees them, in both languages, on a 320 px
phone and a 1280 px desktop: the staff style guide shows every one of them. Screenshots
of each are kept in test-artifacts/screenshots/components/."""

import json
import subprocess

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from .conftest import ARTIFACTS
from .helpers import tab_to
from .test_audits import VNU, axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = {"320": {"width": 320, "height": 640}, "1280": {"width": 1280, "height": 800}}
COMPONENTS = {
    "care-card-urgent": ".care-card--urgent",
    "care-card-same-day": ".care-card--same-day",
    "care-card-non-urgent": ".care-card--non-urgent",
    "warning-callout": ".callout-warning",
    "inset-text": ".inset-text",
    "summary-list": ".summary-list",
    "result-panel-avoid": ".result-panel--avoid",
    "result-panel-caution": ".result-panel--caution",
    "result-panel-clear": ".result-panel--clear",
    "contents": ".toc",
    "action-link": ".action-link",
    "table": ".table-wrap",
}


@pytest.fixture
def staff_page(new_page, live_server):
    """A browser page signed in as a member of staff."""

    def make(viewport):
        staff = get_user_model().objects.create_user("editor", password="x", is_staff=True)
        client = Client()
        client.force_login(staff)
        page = new_page(viewport=viewport)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
        )
        return page

    return make


def style(page, selector, prop, pseudo=None):
    return page.evaluate(
        "([s, p, pseudo]) => getComputedStyle(document.querySelector(s), pseudo)"
        ".getPropertyValue(p)",
        [selector, prop, pseudo],
    )


def test_the_style_guide_is_for_staff_only(new_page):
    page = new_page()
    page.goto("/en/style-guide/")
    assert "/admin/login/" in page.url


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_every_component_in_both_languages_and_widths(staff_page, language, width):
    page = staff_page(WIDTHS[width])
    response = page.goto(f"/{language}/style-guide/")
    assert response.status == 200
    assert page.evaluate("() => document.documentElement.dir") == (
        "rtl" if language == "ar" else "ltr"
    )
    folder = ARTIFACTS / "screenshots" / "components"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=folder / f"{language}-all-{width}.png", full_page=True)
    for name, selector in COMPONENTS.items():
        component = page.locator(selector).first
        assert component.is_visible(), name
        component.screenshot(path=folder / f"{language}-{name}-{width}.png")
    # The page never scrolls sideways; the wide table scrolls inside its own box instead.
    sizes = page.evaluate(
        "() => ({page: document.documentElement.scrollWidth, view: innerWidth,"
        " box: document.querySelector('.table-wrap').scrollWidth,"
        " boxView: document.querySelector('.table-wrap').clientWidth})"
    )
    wide = page.evaluate(
        "() => [...document.querySelectorAll('body *')].filter(e => {"
        " const r = e.getBoundingClientRect(); return r.right > innerWidth + 1 || r.left < -1; })"
        ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().left)"
        " + '..' + Math.round(e.getBoundingClientRect().right)).slice(0, 8)"
    )
    assert sizes["page"] <= sizes["view"], (sizes, wide)
    if width == "320":
        assert sizes["box"] > sizes["boxView"], "the table should scroll in its box at 320 px"


@pytest.mark.parametrize("language", ["ar", "en"])
def test_each_outcome_and_urgency_has_its_own_look(staff_page, language):
    page = staff_page(WIDTHS["1280"])
    page.goto(f"/{language}/style-guide/")
    panels = {
        kind: (
            style(page, f".result-panel--{kind}", "background-color"),
            style(page, f".result-panel--{kind} .result-panel__title", "content", "::before"),
        )
        for kind in ("avoid", "caution", "clear")
    }
    assert len(set(panels.values())) == 3, panels
    cards = {
        kind: (
            style(page, f".care-card--{kind} .care-card__heading", "background-color"),
            style(page, f".care-card--{kind}", "background-color"),
        )
        for kind in ("urgent", "same-day", "non-urgent")
    }
    assert len(set(cards.values())) == 3, cards
    # The urgent card's heading is white on red, and says "urgent" to a screen reader too.
    assert style(page, ".care-card--urgent .care-card__heading", "color") == "rgb(255, 255, 255)"
    hidden = page.locator(".care-card--urgent .care-card__heading .visually-hidden")
    assert hidden.inner_text().strip() in ("Urgent advice:", "حالة طارئة:")
    # The action link's arrow points the reading way: left in Arabic, right in English.
    arrow = style(page, ".action-link", "content", "::before")
    assert ("\u2190" if language == "ar" else "\u2192") in arrow


@pytest.mark.parametrize("language", ["ar", "en"])
def test_contents_link_to_the_sections(staff_page, language):
    page = staff_page(WIDTHS["320"])
    page.goto(f"/{language}/style-guide/")
    links = page.locator(".toc a")
    assert links.count() == 4
    target = links.nth(2).get_attribute("href")
    links.nth(2).click()
    assert page.evaluate("() => decodeURIComponent(location.hash)") == target
    assert page.locator(f"[id='{target[1:]}']").evaluate("e => e.tagName") == "H2"


@pytest.mark.parametrize("language", ["ar", "en"])
def test_focus_is_strong_on_menu_links_and_controls(new_page, site, language):
    page = new_page(viewport=WIDTHS["320"])
    page.goto(f"/{language}/")
    tab_to(page, ".site-header .nav-link")
    assert style(page, ".site-header .nav-link:focus", "background-color") == "rgb(255, 191, 71)"
    tab_to(page, "#site-search-q")
    assert style(page, "#site-search-q", "outline-style") == "solid"
    assert style(page, "#site-search-q", "outline-width") == "3px"
    folder = ARTIFACTS / "screenshots" / "components"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=folder / f"{language}-header-focus-320.png")


def pixels(value):
    return float(value.removesuffix("px"))


@pytest.mark.parametrize("language", ["ar", "en"])
def test_type_is_set_for_arabic_letters_and_radios_have_a_clear_edge(new_page, site, language):
    """Underlines clear the letters (further in Arabic, whose letters reach lower), headings
    wrap evenly with room for Arabic dots, the lead is regular weight, radios are edged."""
    page = new_page(viewport=WIDTHS["320"])
    page.goto(f"/{language}/")
    link = ".intro .action-link"
    offset = pixels(style(page, link, "text-underline-offset"))
    assert offset >= (0.4 if language == "ar" else 0.2) * pixels(style(page, link, "font-size"))
    heading = ".intro h1"
    assert style(page, heading, "text-wrap-style") == "balance"
    line_height = pixels(style(page, heading, "line-height"))
    assert line_height >= (1.45 if language == "ar" else 1.1) * pixels(
        style(page, heading, "font-size")
    )
    assert style(page, ".intro .lead", "font-weight") == "400"
    page.goto(f"/{language}/screener/question/1/")
    radio = ".answer-option .form-check-input"
    assert pixels(style(page, radio, "border-top-width")) >= 2
    assert style(page, radio, "border-top-color") == "rgb(76, 90, 102)"  # #4c5a66, 6.9:1


@pytest.mark.parametrize("language", ["ar", "en"])
def test_header_is_compact_on_a_phone(new_page, site, language):
    page = new_page(viewport=WIDTHS["320"])
    page.goto(f"/{language}/")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 110, header  # two short rows, not a third of the screen
    for selector in (
        "#site-search-q",
        ".language-switcher a",
        ".site-header .nav-link >> visible=true",
    ):
        box = page.locator(selector).first.bounding_box()
        assert box["y"] + box["height"] <= header["height"], selector
        assert box["height"] >= 24, selector  # a target a thumb can hit (WCAG 2.5.8)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_components_pass_axe_and_the_nu_checker(staff_page, language, tmp_path):
    page = staff_page(WIDTHS["320"])
    response = page.goto(f"/{language}/style-guide/")
    assert axe_violations(page) == []
    document = tmp_path / "style-guide.html"
    document.write_text(response.text(), encoding="utf-8")
    command = ["java", "-jar", str(VNU), "--errors-only", "--format", "json"]
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own file
        [*command, str(document)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    assert [m["message"] for m in messages] == []
