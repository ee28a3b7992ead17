"""The Arabic admin in a real browser: the source picker's own script speaks Arabic, and
the header's language switch changes the admin for this staff member only."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import ARTIFACTS
from .test_body_editor import sign_in

# Like every browser test: the live server's database is put back as migrations left it
# (a plain transactional reset would renumber content types under the other tests).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def test_source_picker_and_language_switch(new_page, site, browser_editor):
    page = new_page(locale="en")  # the browser asks for English...
    sign_in(page)
    page.goto(f"/admin/content/article/{site['article'].pk}/change/")
    # ...and the admin follows it until the staff member chooses otherwise.
    assert page.locator("html").get_attribute("lang") == "en"
    with page.expect_navigation():
        page.click("#admin-language-form button[value=ar]")
    assert page.locator("html").get_attribute("dir") == "rtl"
    picker = page.locator(".selector").first
    picker.wait_for()
    texts = [
        picker.locator(".selector-chooseall").inner_text(),
        picker.locator(".selector-clearall").inner_text(),
        picker.locator(
            ".selector-available-title label, .selector-available h2"
        ).first.inner_text(),
        picker.locator(".helptext, .selector-available-title p").first.inner_text(),
    ]
    assert all(text.strip() and not LATIN_WORD.search(text) for text in texts), texts
    (ARTIFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
    picker.scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "screenshots" / "admin-sources-picker-ar.png")
    # A new page of the admin stays Arabic for this staff member.
    page.goto("/admin/")
    assert page.locator("#site-name").inner_text() == "إدارة ميزو إنفو"
    with page.expect_navigation():
        page.click("#admin-language-form button[value=en]")
    assert page.locator("#site-name").inner_text() == "MesoInfo administration"


def test_english_titles_and_phone_numbers_keep_their_order_in_the_arabic_admin(
    new_page, site, browser_editor
):
    from content.models import Source

    Source.objects.create(title="Kybella (deoxycholic acid) label.", publisher="FDA", year=2015)
    page = new_page()
    sign_in(page)
    page.goto("/admin/content/source/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    cell = page.locator("#result_list th.field-title a", has_text="Kybella").first
    order = cell.evaluate(
        """(link) => {
          // The title's first and last characters (the renderer's isolate holds the words,
          // the full stop follows it).
          const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT), texts = [];
          for (let t = walker.nextNode(); t; t = walker.nextNode()) texts.push(t);
          let node = texts[0];
          const range = document.createRange();
          range.setStart(node, 0); range.setEnd(node, 1);
          node = texts[texts.length - 1];
          const first = range.getBoundingClientRect().left;
          range.setStart(node, node.length - 1); range.setEnd(node, node.length);
          return [first, range.getBoundingClientRect().left,
                  getComputedStyle(link.closest('th')).unicodeBidi];
        }"""
    )
    # The final full stop stays at the end (on the right), not thrown to the left.
    assert order[0] < order[1] and order[2] == "plaintext", order


def test_language_tabs_and_switch_name_the_languages(new_page, site, browser_editor):
    page = new_page()
    sign_in(page)
    page.goto(f"/admin/content/article/{site['article'].pk}/change/")
    page.wait_for_load_state("load")
    switch = page.locator("#modeltranslation-main-switch option")
    expect(switch.first).to_have_text("العربية")  # relabelled once the page has loaded
    assert switch.all_inner_texts() == ["العربية", "الإنجليزية"]
    tabs = page.locator(".ui-tabs-nav a").all_inner_texts()
    assert tabs and set(tabs) == {"العربية", "الإنجليزية"}, tabs
    # The body editor's bold button names its shortcut in Arabic, not "Ctrl-B".
    bold = page.locator(".editor-toolbar .body-editor__button--bold").first
    expect(bold).to_have_attribute("title", re.compile(r"\(مفتاح التحكم \+ B\)$"))
    (ARTIFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "screenshots" / "admin-language-tabs-ar.png")
