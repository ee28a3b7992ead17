"""What visitors and editors do, end to end, in a real browser and in both languages."""

import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext

from screener.models import ConsultationRequest
from screener.questions import TOTAL

from .helpers import answer_by_keyboard, press_button, tab_to, take_screener, url_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_read_an_article_in_arabic_then_switch_to_english(page, site):
    article = site["article"]
    page.goto("/ar/")
    assert page.locator("html").get_attribute("lang") == "ar"
    page.click(f"a[href='{url_in('ar', article)}']")
    assert page.locator("h1").inner_text() == article.title_ar
    page.click(".language-switcher a[lang=en]")
    assert page.url.endswith(url_in("en", article))
    assert page.locator("h1").inner_text() == article.title_en
    assert page.locator("html").get_attribute("dir") == "ltr"
    page.click(".language-switcher a[lang=ar]")
    assert page.locator("h1").inner_text() == article.title_ar


OUTCOMES = {
    # outcome kind: ({question number: answer}, the outcome page's heading)
    "avoid": (
        {3: "yes", 6: "not_sure"},
        "Mesotherapy is generally avoided for people in your situation",
    ),
    "check_first": ({5: "not_sure"}, "A doctor needs to check some points first"),
    "no_known_reason": (
        {},
        lambda: (
            ngettext(
                "Nothing in this question rules mesotherapy out",
                "Nothing in these %(counter)s questions rules mesotherapy out",
                TOTAL,
            )
            % {"counter": TOTAL}
        ),
    ),
}


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("kind", list(OUTCOMES))
def test_screener_by_keyboard_alone_reaches_each_outcome(page, site, language, kind):
    answers, heading = OUTCOMES[kind]
    take_screener(page, language, answers)
    rows = page.locator(".answers-row .answer").all_inner_texts()
    assert len(rows) == 8
    press_button(page, "main form button[type=submit]")  # See the result
    assert page.url.endswith(f"/{language}/screener/result/")
    assert page.locator(f".outcome-{kind}").count() == 1
    with translation.override(language):
        expected = heading() if callable(heading) else gettext(heading)
        assert page.locator("h1").inner_text() == expected
    # The clinic's consultation stays offered; after "generally avoided" it is a plain link,
    # not a button (the visitor's own doctor comes first, review D21).
    style = "clinic-request-link" if kind == "avoid" else "btn-primary"
    assert page.locator(f"a.{style}[href$='/screener/consultation/']").count() == 1
    assert page.locator("a.btn[href$='/screener/consultation/']").count() == (kind != "avoid")


def test_changing_an_answer_from_the_check_page_by_keyboard(page, site):
    take_screener(page, "en", {})
    tab_to(page, "a[href$='/screener/question/3/?return=check']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    answer_by_keyboard(page, "yes")
    assert page.url.endswith("/en/screener/check/")
    press_button(page, "main form button[type=submit]")
    assert page.locator(".outcome-avoid").count() == 1


@pytest.mark.parametrize("language", ["ar", "en"])
def test_request_a_consultation_after_the_screener(page, site, language):
    take_screener(page, language, {2: "yes"})
    press_button(page, "main form button[type=submit]")
    tab_to(page, "a[href$='/screener/consultation/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.fill("#id_name", "ليلى أحمد" if language == "ar" else "Laila Ahmed")
    page.fill("#id_phone", "+٩٦٦ ٥٠-١٢٣ ٤٥٦٧")
    page.check("#id_preferred_time_1")
    page.check("#id_consent_to_contact")
    page.check("#id_attach_outcome")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert page.url.endswith(f"/{language}/screener/consultation/sent/")
    request = ConsultationRequest.objects.get()
    assert request.phone == "+966501234567"
    assert request.preferred_language == language
    assert request.screener_outcome == "avoid"
    assert request.screener_reasons["yes"] == ["insulin_diabetes"]


def test_editor_saves_a_draft_on_the_arabic_tab_and_visitors_still_see_the_live_text(
    new_page, site, browser_editor
):
    article = site["article"]
    visitor = new_page()
    visitor.goto(url_in("ar", article))  # the page is now cached for visitors
    staff = new_page(locale="en")
    staff.goto("/admin/login/")
    staff.fill("#id_username", "editor")
    staff.fill("#id_password", "a-long-test-password-42")
    with staff.expect_navigation():
        staff.click("input[type=submit]")
    staff.goto(f"/admin/content/article/{article.pk}/change/")
    title_ar = staff.locator("#id_title_ar")
    staff.locator(".ui-tabs-nav a[href$='_ar']").first.click()
    assert title_ar.is_visible()
    title_ar.fill("ما هي الميزوثيرابي؟ نسخة منقحة")
    with staff.expect_navigation():
        staff.click("input[name=_continue]")
    assert staff.locator(".messagelist .info").count() == 1
    assert staff.locator("#id_title_ar").input_value() == "ما هي الميزوثيرابي؟ نسخة منقحة"
    visitor.reload()
    assert visitor.locator("h1").inner_text() == article.title_ar  # the live text
    visitor.goto(url_in("en", article))
    assert visitor.locator("h1").inner_text() == article.title_en


def test_the_page_watch_catches_policy_violations_and_console_errors(new_page, site):
    """The real policy is enforced in every test, and breaking it (or logging an error)
    is recorded against the page: the watch that fails every journey does see."""
    page = new_page(locale="en")
    page.goto("/en/")
    page.evaluate(
        """() => {
          const script = document.createElement('script');
          script.textContent = 'window.inlineScriptRan = true';
          document.body.append(script);
          document.body.setAttribute('style', 'color: red');
          console.error('a deliberate error');
        }"""
    )
    page.wait_for_function("() => document.readyState === 'complete'")
    page.wait_for_timeout(200)  # violation reports are delivered asynchronously
    assert page.evaluate("() => window.inlineScriptRan === undefined")
    problems = new_page.watch.problems.pop(page.url)
    assert any(p.startswith("CSP violation: script-src") for p in problems), problems
    assert any(p.startswith("CSP violation: style-src") for p in problems), problems
    assert any("a deliberate error" in p for p in problems), problems
    assert new_page.watch.problems == {}


def test_admin_pages_name_an_icon_that_exists(new_page, site, browser_editor):
    """Checked directly: the browser asks for /favicon.ico only once per run, so a missing
    icon shows in the console of one test only."""
    page = new_page(locale="en")
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-test-password-42")
    with page.expect_navigation():
        page.click("input[type=submit]")
    for address in ("/admin/login/", "/admin/"):
        page.goto(address)
        icons = page.locator("link[rel~=icon]")
        if icons.count():
            assert page.request.get(icons.first.get_attribute("href")).ok, address
        else:
            assert page.request.get("/favicon.ico").ok, address


@pytest.mark.parametrize("language", ["ar", "en"])
def test_answer_was_this_page_helpful_on_a_cached_article(page, site, language):
    """The cached article holds no CSRF token: the browser's own Origin lets the answer in."""
    from content.models import Feedback

    article = site["article"]
    page.goto(url_in(language, article))
    page.goto(url_in(language, article))  # now served from the page cache
    assert page.locator("#feedback input[name=csrfmiddlewaretoken]").count() == 0
    page.check("#feedback input[name=helpful][value=yes]")
    with page.expect_navigation():
        page.click("#feedback button[type=submit]")
    assert page.url.endswith(url_in(language, article) + "#feedback")
    thanks = {"ar": "شكرًا لك على إجابتك", "en": "Thank you for your answer."}[language]
    # Where the patient is: the thank-you is in the feedback box, inside the window.
    note = page.locator("#feedback [role=status]")
    assert thanks in note.inner_text()
    box = note.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]
    assert page.locator("#feedback input[name=helpful]").count() == 0
    page.screenshot(path=f"test-artifacts/screenshots/feedback-thanks-{language}.png")
    assert Feedback.objects.filter(article=article, language=language, helpful=True).count() == 1
