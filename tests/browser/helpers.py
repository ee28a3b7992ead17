"""Helpers for driving the site in the browser: keyboard only where it matters."""

from django.utils import translation


def url_in(language, obj):
    with translation.override(language):
        return obj.get_absolute_url()


def tab_to(page, selector, limit=40):
    """Press Tab until the focused element matches `selector`; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement?.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector} on {page.url}")


ANSWER_ORDER = ["yes", "no", "not_sure"]


def answer_by_keyboard(page, answer):
    """Tab into the radio group, arrow to the answer, tick it with Space, Enter to send."""
    tab_to(page, "input[name=answer]")
    focused = page.evaluate("() => document.activeElement.value")
    steps = ANSWER_ORDER.index(answer) - ANSWER_ORDER.index(focused)
    for _ in range(abs(steps)):
        page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
    page.keyboard.press("Space")
    assert page.evaluate("() => document.activeElement.checked")
    assert page.evaluate("() => document.activeElement.value") == answer
    tab_to(page, "main button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def press_button(page, selector):
    tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def take_screener(page, language, answers):
    """Start the screener and answer all eight questions ({number: answer}, No otherwise)."""
    page.goto(f"/{language}/screener/")
    press_button(page, "main form button[type=submit]")
    for number in range(1, 9):
        assert page.url.endswith(f"/{language}/screener/question/{number}/"), page.url
        answer_by_keyboard(page, answers.get(number, "no"))
    assert page.url.endswith(f"/{language}/screener/check/"), page.url


def submit_for_html(page):
    """Send the page's form as it is; return the raw HTML of the error page that comes back."""
    with page.expect_navigation() as navigation:
        page.click("main form button[type=submit]")
    response = navigation.value
    assert response.status == 400, (page.url, response.status)
    assert page.locator(".error-summary").count() == 1
    return response.text()


def tour(page, language, site):
    """Visit every public page type in `language`; yields each page's name and raw HTML."""
    visits = [
        ("home", f"/{language}/"),
        ("category", url_in(language, site["category"])),
        ("article", url_in(language, site["article"])),
        ("screener-start", f"/{language}/screener/"),
    ]
    for name, url in visits:
        response = page.goto(url)
        assert response.status == 200, (url, response.status)
        yield name, response.text()
    page.click("main form button[type=submit]")  # start
    response = page.goto(f"/{language}/screener/question/1/")
    yield "screener-question", response.text()
    yield "screener-question-error", submit_for_html(page)  # no answer: the error page
    for number in range(1, 9):
        page.goto(f"/{language}/screener/question/{number}/")
        page.check("input[value=not_sure]" if number == 4 else "input[value=yes]")
        page.click("main form button[type=submit]")
    response = page.goto(f"/{language}/screener/check/")
    yield "screener-check", response.text()
    page.click("main form button[type=submit]")
    response = page.goto(f"/{language}/screener/result/")
    assert response.status == 200
    yield "screener-outcome", response.text()
    response = page.goto(f"/{language}/screener/consultation/")
    yield "consultation", response.text()
    yield "consultation-error", submit_for_html(page)  # nothing filled in: the error page
    response = page.goto(f"/{language}/no-such-section/no-such-page/")
    assert response.status == 404
    yield "not-found", response.text()


def no_horizontal_scroll(page):
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
