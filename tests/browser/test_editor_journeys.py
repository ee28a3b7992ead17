"""The editor's journeys in the admin, in both languages, at 1280 px (journeys.md J3).
Screenshots are kept."""

import pytest

from content.models import Source

from .conftest import ARTIFACTS, DESKTOP
from .test_body_editor import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
LONG_TITLE = (
    "Efficacy and safety of injection lipolysis with phosphatidylcholine and deoxycholate "
    "for the reduction of localised fat: a systematic review"
)

# Each option of the sources box: its text, its box, and the list box's inner width.
OPTIONS = """
() => [...document.querySelectorAll('.selector select option')].map(o => ({
  text: o.text, width: o.getBoundingClientRect().width, height: o.getBoundingClientRect().height,
  box: o.parentElement.clientWidth, line: parseFloat(getComputedStyle(o).lineHeight) || 16,
}))
"""


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_sources_box_shows_each_sources_whole_title(new_page, site, browser_editor, language):
    """Old J3-17: a long "Publisher: Title (year)" wraps inside the box, never cut off."""
    Source.objects.create(
        title=LONG_TITLE, publisher="Journal of Cosmetic and Laser Therapy", year=2019
    )
    page = new_page(viewport=DESKTOP, locale=language)
    sign_in(page)
    page.goto(f"/admin/content/article/{site['article'].pk}/change/")
    page.locator(".selector").first.scroll_into_view_if_needed()
    options = page.evaluate(OPTIONS)
    long = next(o for o in options if LONG_TITLE in o["text"])
    assert long["width"] <= long["box"] and long["height"] > 2 * long["line"], long
    (ARTIFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "screenshots" / f"admin-sources-box-{language}-1280.png")
