"""The patient's and prospective client's journeys at phone and desktop widths, in both
languages: what the layout shows (journeys.md J1 and J2). Screenshots are kept."""

import pytest

from .conftest import ARTIFACTS, DESKTOP, PHONE
from .helpers import url_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def screenshot(page, name):
    (ARTIFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "screenshots" / f"{name}.png")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_on_a_phone_the_breadcrumb_does_not_repeat_the_heading(new_page, site, language):
    """J1-6: the trail ends at the article's section on a phone; the title is the H1 below."""
    article = site["article"]
    page = new_page(viewport=PHONE)
    page.goto(url_in(language, article))
    title = page.locator("h1").inner_text()
    trail = page.locator("nav .breadcrumb")
    assert trail.is_visible()
    assert title not in trail.inner_text()
    links = trail.locator("a")
    assert links.count() == 2 and all(links.nth(i).is_visible() for i in range(2))
    # The trail takes one line.
    assert trail.bounding_box()["height"] < 2 * page.locator(".breadcrumb-item a").first.evaluate(
        "e => parseFloat(getComputedStyle(e).lineHeight) || 24"
    )
    screenshot(page, f"breadcrumb-{language}-phone")
    # On a desktop, with room beside it, the whole trail shows.
    page.set_viewport_size(DESKTOP)
    assert title in trail.inner_text()
    screenshot(page, f"breadcrumb-{language}-desktop")


def test_the_language_chosen_with_the_switch_is_remembered(new_page, site):
    """J1-9: with an Arabic browser, choose English once; `/` then opens the English home
    page, and after choosing Arabic again the Arabic one."""
    page = new_page(viewport=PHONE, locale="ar")
    page.goto("/")
    assert page.url.endswith("/ar/")
    page.goto(url_in("ar", site["article"]))
    page.click(".language-switcher a[lang=en]")
    assert page.url.endswith(url_in("en", site["article"]))
    assert page.locator("html").get_attribute("lang") == "en"
    page.goto("/")
    assert page.url.endswith("/en/")
    screenshot(page, "language-remembered-en")
    page.click(".language-switcher a[lang=ar]")
    page.goto("/")
    assert page.url.endswith("/ar/")
