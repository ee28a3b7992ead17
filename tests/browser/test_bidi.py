"""Codes and numbers inside Arabic read as typed, at 320 and 1280 px: a reviewer's licence
in the byline and in "About this page", the consultation form's phone examples (help text
and error), and the admin's counters. Each character of the run must stand to the right
of the one before it on the screen (left to right, as typed); screenshots are kept."""

import pytest
from django.urls import reverse
from django.utils import translation

from .conftest import ARTIFACTS
from .helpers import send_consultation
from .test_body_editor import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
WIDTHS = [320, 1280]
LICENCE = "12-R-3456"

# The on-screen left edge of each non-space character of every occurrence of `text`
# inside the elements matching `selector`, one list per occurrence.
CHARACTER_LEFTS = """
([selector, text]) => {
  const found = [];
  for (const element of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let at = node.data.indexOf(text);
      while (at !== -1) {
        const lefts = [];
        for (let i = 0; i < text.length; i++) {
          if (text[i] === ' ') continue;
          const range = document.createRange();
          range.setStart(node, at + i);
          range.setEnd(node, at + i + 1);
          lefts.push(range.getBoundingClientRect().left);
        }
        found.push(lefts);
        at = node.data.indexOf(text, at + 1);
      }
    }
  }
  return found;
}
"""


def reads_as_typed(page, selector, text):
    """How many times `text` shows inside `selector`, each checked to run left to right."""
    occurrences = page.evaluate(CHARACTER_LEFTS, [selector, text])
    for lefts in occurrences:
        assert lefts == sorted(lefts) and len(set(lefts)) == len(lefts), (text, lefts)
    return len(occurrences)


def screenshot(page, name):
    (ARTIFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "screenshots" / name, full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_reviewers_licence_reads_as_typed(new_page, site, width):
    article = site["article"]
    reviewer = article.reviewer
    reviewer.credentials_ar = f"استشارية جلدية، ترخيص الهيئة السعودية للتخصصات الصحية {LICENCE}"
    reviewer.save()
    page = new_page(viewport={"width": width, "height": 900})
    with translation.override("ar"):
        page.goto(article.get_absolute_url())
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert reads_as_typed(page, "main", LICENCE) >= 2  # the byline and "About this page"
    assert page.locator(".byline").inner_text().count(LICENCE) == 1
    page.locator(".byline").scroll_into_view_if_needed()
    screenshot(page, f"bidi-licence-ar-{width}.png")


@pytest.mark.parametrize("width", WIDTHS)
def test_phone_examples_read_as_typed_in_help_and_error(new_page, site, width):
    page = new_page(viewport={"width": width, "height": 900})
    with translation.override("ar"):
        page.goto(reverse("screener:consultation"))
    national, international = "051 234 5678", "+966 51 234 5678"
    assert reads_as_typed(page, "main form", national) == 1
    assert reads_as_typed(page, "main form", international) == 1
    send_consultation(page, "ليلى", phone="12")
    assert page.locator(".error-summary").count() == 1
    # The error (summary and field) and the help text: each example once more.
    assert reads_as_typed(page, "main", national) >= 2
    assert reads_as_typed(page, "main", international) >= 2
    page.locator("#id_phone").scroll_into_view_if_needed()
    screenshot(page, f"bidi-phone-examples-ar-{width}.png")


@pytest.mark.parametrize("width", WIDTHS)
def test_admin_counters_read_in_arabic_order(new_page, site, browser_editor, width):
    page = new_page(viewport={"width": width, "height": 900})
    sign_in(page)
    page.goto("/admin/content/article/")
    paginator = page.locator(".paginator")
    assert "4 مقالات" in paginator.inner_text()
    assert "المقالات" not in paginator.inner_text()
    # In Arabic the number comes first, on the right of its noun.
    number = page.evaluate(CHARACTER_LEFTS, [".paginator", "4"])[0][0]
    noun = page.evaluate(CHARACTER_LEFTS, [".paginator", "مقالات"])[0]
    assert number > max(noun)
    screenshot(page, f"bidi-admin-counter-ar-{width}.png")


@pytest.mark.parametrize("width", WIDTHS)
def test_english_references_are_laid_out_left_to_right(new_page, site, width):
    page = new_page(viewport={"width": width, "height": 900})
    with translation.override("ar"):
        page.goto(site["article"].get_absolute_url())
    reference = page.locator(".sources li > [lang=en]").first
    layout = reference.evaluate(
        """(span) => {
          const range = document.createRange(), box = span.getBoundingClientRect();
          const text = (span.querySelector('a') || span).firstChild;
          range.setStart(text, 0); range.setEnd(text, 1);
          return [getComputedStyle(span).display, getComputedStyle(span).direction,
                  range.getBoundingClientRect().left - box.left];
        }"""
    )
    # A block of its own, left to right, starting at its left edge (not right-aligned).
    assert layout[0] == "block" and layout[1] == "ltr" and layout[2] < 2, layout
    reference.scroll_into_view_if_needed()
    screenshot(page, f"bidi-references-ar-{width}.png")
