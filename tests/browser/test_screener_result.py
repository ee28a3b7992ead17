"""Issue 16 in a real browser, in both languages: the result keeps the answers, prints for
a doctor, and the consultation form never asks to be sent again."""

import pytest
from django.utils import translation
from django.utils.translation import ngettext

from screener.models import ConsultationRequest
from screener.questions import TOTAL

from .conftest import ARTIFACTS, DESKTOP, PHONE
from .helpers import answer_by_keyboard, press_button, send_consultation, take_screener

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SCREENSHOTS = ARTIFACTS / "screenshots"


def shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def watch_posts(page):
    """Every POST the page navigates with: each must answer with a redirect (PRG)."""
    posts = []

    def on_response(response):
        request = response.request
        if request.is_navigation_request() and request.method == "POST":
            posts.append((request.url, response.status))

    page.on("response", on_response)
    return posts


@pytest.mark.parametrize("language", ["ar", "en"])
def test_change_one_answer_from_the_result_and_print_it(page, site, language):
    take_screener(page, language, {8: "yes"})
    press_button(page, "main form button[type=submit]")
    assert page.locator(".result-panel--avoid").count() == 1
    assert page.locator(".summary-list__row").count() == 8
    shot(page, f"screener-result-avoid-{language}")

    page.click("a[href$='/screener/question/8/?return=result']")
    answer_by_keyboard(page, "no")
    assert page.url.endswith(f"/{language}/screener/result/")
    assert page.locator(".result-panel--clear").count() == 1  # the seven others kept
    # as the unit test of the result page counts them
    assert page.locator(".other-checks li").count() == 7
    with translation.override(language):
        heading = ngettext(
            "Nothing in this question rules mesotherapy out",
            "Nothing in these %(counter)s questions rules mesotherapy out",
            TOTAL,
        ) % {"counter": TOTAL}
    assert page.locator("h1").inner_text() == heading

    page.click("a.print-link")
    page.emulate_media(media="print")
    assert page.locator(".summary-list__row").count() == 8
    assert page.locator(".result-date").is_visible()
    assert not page.locator(".print-button").is_visible()
    addresses = page.locator(".print-address")
    assert addresses.count() == 4  # the site, the explaining article, two to read more
    for index in range(addresses.count()):
        address = addresses.nth(index)
        style = address.evaluate(
            "e => [getComputedStyle(e).direction, getComputedStyle(e).display, e.innerText]"
        )
        assert style[0] == "ltr" and style[1] == "block", style
        assert style[2].startswith("http://") and "%" not in style[2], style
    shot(page, f"screener-print-{language}")
    page.emulate_media(media="screen")
    assert page.locator(".print-button").is_visible()  # JavaScript shows the button


@pytest.mark.parametrize("language", ["ar", "en"])
def test_error_then_fix_then_send_then_back_never_resends(page, site, language):
    posts = watch_posts(page)
    take_screener(page, language, {})
    press_button(page, "main form button[type=submit]")
    page.goto(f"/{language}/screener/consultation/")
    send_consultation(page, "   ")
    assert page.locator(".error-summary li").count() == 2  # the name, the consent
    shot(page, f"consultation-errors-{language}")
    page.fill("#id_name", "ليلى أحمد")
    page.check("#id_consent_to_contact")
    with page.expect_navigation():
        page.click("main form button[type=submit]")  # at once: the timer is not restarted
    assert page.url.endswith(f"/{language}/screener/consultation/sent/")
    reference = ConsultationRequest.objects.get().reference
    assert reference in page.locator("main").inner_text()
    shot(page, f"consultation-sent-{language}")

    page.go_back()  # to the refused form's page: a GET, shown again without a prompt
    assert not page.url.startswith("chrome-error://")
    assert page.locator(".already-sent").count() == 1
    assert page.locator("#id_name").count() == 0
    shot(page, f"consultation-already-sent-{language}")
    for _ in range(3):
        page.go_back()
        assert not page.url.startswith("chrome-error://"), page.url
    assert ConsultationRequest.objects.count() == 1
    assert posts and all(300 <= status < 400 for _, status in posts), posts


def test_radios_and_checkboxes_are_44_pixels_and_the_label_is_the_target(new_page, site):
    page = new_page(viewport=PHONE, locale="en")
    page.goto("/en/screener/")
    page.click("main form button[type=submit]")
    for label in page.locator(".answer-option label").all():
        assert label.bounding_box()["height"] >= 44
    page.locator(".answer-option label").nth(1).click(position={"x": 200, "y": 40})
    assert page.locator("#id_answer_1").is_checked()
    page.goto("/en/screener/consultation/")
    labels = page.locator("main form .form-check label")
    assert labels.count() >= 8
    for label in labels.all():
        assert label.bounding_box()["height"] >= 44, label.inner_text()


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("viewport", [{"width": 320, "height": 800}, DESKTOP], ids=["320", "1280"])
def test_a_refused_consent_keeps_its_label_full_width_with_the_error_below(
    new_page, site, language, viewport
):
    """The consent error once sat beside the label at 1280 px, squeezing it to a word a line."""
    page = new_page(viewport=viewport, locale=language)
    page.goto(f"/{language}/screener/consultation/")
    send_consultation(page, "ليلى أحمد")
    assert page.locator(".error-summary li").count() == 1  # the consent alone
    group = page.locator("#div_id_consent_to_contact")
    label = group.locator("label").bounding_box()
    error = group.locator(".invalid-feedback").bounding_box()
    line = float(group.locator("label").evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
    text_lines = group.locator("label").evaluate(
        "e => { const r = document.createRange(); r.selectNodeContents(e);"
        " return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size; }"
    )
    form_width = page.locator("main form").bounding_box()["width"]
    assert label["width"] >= 0.8 * form_width, (label, form_width)
    assert error["y"] >= label["y"] + label["height"] - 1, (label, error)  # below, not beside
    assert error["width"] >= 0.8 * form_width, (error, form_width)
    if viewport["width"] >= 1280:  # one sentence: at most two lines on a wide screen
        assert text_lines <= 2 and label["height"] <= 3 * line + 16, (text_lines, label)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    group.scroll_into_view_if_needed()
    page.screenshot(
        path=str(SCREENSHOTS / f"consultation-consent-error-{language}-{viewport['width']}.png")
    )
