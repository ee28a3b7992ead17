"""The patient's and prospective client's journeys at phone and desktop widths, in both
languages: what the layout shows (journeys.md J1 and J2). Screenshots are kept."""

import pytest

from .conftest import ARTIFACTS, DESKTOP, PHONE
from .helpers import press_button, take_screener, url_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def screenshot(page, name, full_page=False):
    (ARTIFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "screenshots" / f"{name}.png", full_page=full_page)


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


# The left edge of each part of an address ("http:", "testserver", "ar", a slug...) as
# printed, in the address's own order, and how many lines the address takes.
ADDRESS_LAYOUT = """
e => {
  const lefts = [];
  for (const node of e.childNodes) {
    if (node.nodeType !== Node.TEXT_NODE) {  // an isolated segment, read as a whole
      lefts.push(node.getBoundingClientRect().left);
      continue;
    }
    for (const match of node.data.matchAll(/[^/]+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      lefts.push(range.getBoundingClientRect().left);
    }
  }
  const line = parseFloat(getComputedStyle(e).lineHeight);
  return {lefts, lines: Math.round(e.getBoundingClientRect().height / line), text: e.innerText};
}
"""


def test_printed_arabic_addresses_read_left_to_right_on_one_line(new_page, site):
    """J2-4: a doctor types the printed address as it reads: the site, then each part of
    the path in order, left to right, each address on one line of an A4 page."""
    explaining = site["who-should-not-have-it"]
    explaining.slug_ar = (
        "من-لا-يناسبه-الميزوثيرابي-ومتى-يجب-تأجيل-الجلسة"  # as long as the corpus's
    )
    explaining.save()
    page = new_page(viewport={"width": 700, "height": 1000})  # A4 inside its margins
    take_screener(page, "ar", {1: "yes"})
    press_button(page, "main form button[type=submit]")
    page.click("a.print-link")
    page.emulate_media(media="print")
    addresses = page.locator(".print-address")
    assert addresses.count() >= 3
    for index in range(addresses.count()):
        layout = addresses.nth(index).evaluate(ADDRESS_LAYOUT)
        assert layout["lefts"] == sorted(layout["lefts"]), (
            layout,
            addresses.nth(index).inner_html(),
        )
        assert layout["lines"] == 1, layout
    assert any("/ar/" in addresses.nth(i).inner_text() for i in range(addresses.count()))
    screenshot(page, "screener-print-addresses-ar", full_page=True)


@pytest.mark.parametrize(("start", "other"), [("ar", "en"), ("en", "ar")])
def test_switching_language_on_the_consultation_form_keeps_what_was_typed(
    new_page, site, start, other
):
    """J2-9: type a name and a phone number, switch language with the header's switch: the
    other language's form shows them; the address carries neither."""
    page = new_page(viewport=PHONE, locale=start)
    page.goto(f"/{start}/screener/consultation/")
    page.fill("#id_name", "ليلى أحمد")
    page.fill("#id_phone", "٠٥٠ ١٢٣ ٤٥٦٧")
    page.click(f".language-switcher [lang={other}]")
    assert page.url.endswith(f"/{other}/screener/consultation/")
    assert page.locator("html").get_attribute("lang") == other
    assert page.input_value("#id_name") == "ليلى أحمد"
    assert page.input_value("#id_phone") == "٠٥٠ ١٢٣ ٤٥٦٧"
    assert page.locator(".error-summary").count() == 0
    screenshot(page, f"consultation-switched-{start}-to-{other}", full_page=True)
