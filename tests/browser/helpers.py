"""Helpers for driving the site in the browser: keyboard only where it matters."""

from django.utils import translation

from screener.questions import QUESTION_KEYS


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
# What each radio's value is: the answer's one-letter code (screener/questions.py).
CODES = {"yes": "y", "no": "n", "not_sure": "u"}


def answer_by_keyboard(page, answer):
    """Tab into the radio group, arrow to the answer, tick it with Space, Enter to send."""
    tab_to(page, "input[name=answer]")
    focused = page.evaluate("() => document.activeElement.value")
    steps = ANSWER_ORDER.index(answer) - [CODES[a] for a in ANSWER_ORDER].index(focused)
    for _ in range(abs(steps)):
        page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
    page.keyboard.press("Space")
    assert page.evaluate("() => document.activeElement.checked")
    assert page.evaluate("() => document.activeElement.value") == CODES[answer]
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
    for number in range(1, len(QUESTION_KEYS) + 1):
        assert page.url.endswith(f"/{language}/screener/question/{number}/"), page.url
        answer_by_keyboard(page, answers.get(number, "no"))
    assert page.url.endswith(f"/{language}/screener/check/"), page.url


def send_consultation(page, name, phone="٠٥٠١٢٣٤٥٦٧"):
    """Fill the open consultation form (name, phone, the first preferred time; the consent
    left as it is) and send it with a click."""
    page.fill("#id_name", name)
    page.fill("#id_phone", phone)
    page.check("#id_preferred_time_1")
    with page.expect_navigation():
        page.click("main form button[type=submit]")


def submit_for_html(page, form="main form", status=400):
    """Send the page's form as it is; return the raw HTML of the page that comes back."""
    with page.expect_navigation() as navigation:
        page.click(f"{form} button[type=submit]")
    response = navigation.value
    assert response.status == status, (page.url, response.status)
    if status == 400:
        assert page.locator(".error-summary").count() == 1
    return response.text()


SEARCH_WORDS = {"ar": "الميزوثيرابي", "en": "mesotherapy"}  # in the site fixture's article

# Every public page type, in the order tour() visits them.
TOUR = [
    "home",
    "category",
    "article",
    "article-feedback-error",
    "search-results",
    "about",
    "editorial-policy",
    "contact",
    "screener-start",
    "screener-question",
    "screener-question-error",
    "screener-check",
    "screener-outcome",
    "consultation",
    "consultation-error",
    "consultation-sent",
    "not-found",
]


def tour(page, language, site):
    """Visit every public page type in `language`; yields each page's name and raw HTML.

    Forms are filled in and sent in the page, as a visitor would; their error pages and
    the consultation's "sent" page are pages of their own.
    """
    visits = [
        ("home", f"/{language}/"),
        ("category", url_in(language, site["category"])),
        ("article", url_in(language, site["article"])),
    ]
    for name, url in visits:
        response = page.goto(url)
        assert response.status == 200, (url, response.status)
        yield name, response.text()
    # "Was this page helpful?" sent with an answer the form does not offer and a comment
    # longer than its limit (the page's own checks are set aside, as a script could).
    page.evaluate(
        """() => {
          const form = document.querySelector('#feedback form');
          const radio = form.querySelector('input[name=helpful]');
          radio.value = 'maybe';
          radio.checked = true;
          const comment = form.querySelector('textarea[name=comment]');
          comment.removeAttribute('maxlength');
          comment.value = 'x'.repeat(600);
        }"""
    )
    html = submit_for_html(page, form="#feedback form")
    assert page.locator("#helpful-error").count() == 1
    assert page.locator("#comment-error").count() == 1
    yield "article-feedback-error", html
    # The header's search box, by keyboard.
    page.fill("#site-search-q", SEARCH_WORDS[language])
    with page.expect_navigation() as navigation:
        page.press("#site-search-q", "Enter")
    assert navigation.value.status == 200
    assert page.locator(".search-results li").count() >= 1, page.url
    yield "search-results", navigation.value.text()
    response = page.goto(f"/{language}/about/")
    assert response.status == 200
    yield "about", response.text()
    for name, url in [("editorial-policy", "editorial-policy/"), ("contact", "contact/")]:
        response = page.goto(f"/{language}/{url}")
        assert response.status == 200, (url, response.status)
        yield name, response.text()
    response = page.goto(f"/{language}/screener/")
    assert response.status == 200
    yield "screener-start", response.text()
    page.click("main form button[type=submit]")  # start
    response = page.goto(f"/{language}/screener/question/1/")
    yield "screener-question", response.text()
    yield "screener-question-error", submit_for_html(page)  # no answer: the error page
    for number in range(1, len(QUESTION_KEYS) + 1):
        page.goto(f"/{language}/screener/question/{number}/")
        page.check("input[value=u]" if number == 4 else "input[value=y]")
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
    page.fill("#id_name", "ليلى أحمد" if language == "ar" else "Laila Ahmed")
    page.fill("#id_phone", "+966 50 123 4567")
    page.check("#id_preferred_time_1")
    page.check("#id_consent_to_contact")
    html = submit_for_html(page, status=200)  # sent: the "sent" page, after its redirect
    assert page.url.endswith(f"/{language}/screener/consultation/sent/"), page.url
    yield "consultation-sent", html
    response = page.goto(f"/{language}/no-such-section/no-such-page/")
    assert response.status == 404
    yield "not-found", response.text()


_TOURS = {}  # (audit, language, viewport): {page name: what the audit found}


def audit_each_page(request, audit, language, check, finish=None, viewport=None):
    """{page name: finding} for every page of the tour, checked by `check(page, name, html)`.

    The tour runs once per audit and language in a test session, in the first test that
    asks; each page then has a test of its own, so that one page's known defect can be
    marked (xfail, strict) without hiding the others. `finish(findings)` may rework the
    findings once the whole tour is done (the Nu checker checks every page in one run).
    """
    key = (audit, language, tuple(sorted((viewport or {}).items())))
    if key not in _TOURS:
        new_page = request.getfixturevalue("new_page")
        site = request.getfixturevalue("site")
        page = new_page(viewport=viewport) if viewport else new_page()
        findings = {name: check(page, name, html) for name, html in tour(page, language, site)}
        assert list(findings) == TOUR
        _TOURS[key] = finish(findings) if finish else findings
    return _TOURS[key]
