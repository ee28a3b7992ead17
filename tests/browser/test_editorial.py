"""The editorial workflow in a real browser, in Arabic: draft, preview, sign-off, stale save."""

import re

import pytest
from django.utils import timezone

from content.models import Article

from .conftest import ARTIFACTS, PHONE
from .helpers import url_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "a-long-test-password-42"
SHOTS = ARTIFACTS / "screenshots"


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"editorial-{name}.png", full_page=True)


def axe_in(page, selector):
    """WCAG violations axe-core finds inside `selector` (our part of an admin page)."""
    from .test_audits import AXE, WCAG_TAGS

    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "([where, tags]) => axe.run(where, {runOnly: {type: 'tag', values: tags}})",
        [selector, WCAG_TAGS],
    )
    return [(v["id"], [n["html"][:120] for n in v["nodes"][:2]]) for v in result["violations"]]


def sign_in(new_page, username, **kwargs):
    page = new_page(locale="ar", **kwargs)
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")
    assert "/admin/login/" not in page.url
    return page


def public_bytes(visitor, article):
    """Both languages' public page as an anonymous visitor gets them (CSRF token blanked)."""
    pages = {}
    for code in ("ar", "en"):
        body = visitor.request.get(url_in(code, article)).body()
        pages[code] = re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", body)
    return pages


def fill_arabic(page, field, text):
    for tab in page.locator(".ui-tabs-nav a[href$='_ar']").all():
        tab.click()
    field = page.locator(f"#id_{field}_ar")
    if field.is_visible():
        field.fill(text)
    else:  # a body under the body editor (EasyMDE): type where the editor types
        field.evaluate(
            "(area, text) => area.parentElement.querySelector('.CodeMirror').CodeMirror"
            ".setValue(text)",
            text,
        )


def press(page, selector):
    with page.expect_navigation():
        page.click(selector)


def test_draft_preview_and_medical_sign_off_in_arabic(new_page, site, browser_editor, doctor):
    article = site["article"]
    visitor = new_page()
    visitor.goto(url_in("ar", article))
    before = public_bytes(visitor, article)

    editor = sign_in(new_page, "editor")
    editor.goto(f"/admin/content/article/{article.pk}/change/")
    assert editor.locator("input[name=_publish]").count() == 0  # editors cannot publish
    assert editor.locator("a.deletelink").count() == 0
    assert editor.locator("input[name=_continue]").get_attribute("value") == "حفظ المسودة"
    fill_arabic(editor, "body", "## الفكرة\n\nفقرة جديدة كتبها المحرر للمسودة.")
    press(editor, "input[name=_continue]")
    assert "حُفظت المسودة" in editor.locator(".messagelist").inner_text()
    assert public_bytes(visitor, article) == before  # byte for byte, in both languages

    revision = Article.objects.get(pk=article.pk).latest_revision_id
    preview_url = f"/admin/content/article/{article.pk}/preview/{revision}/ar/"
    phone = sign_in(new_page, "editor", viewport=PHONE)
    phone.goto(f"/admin/content/article/{article.pk}/change/")
    with phone.context.expect_page() as opened:  # a new tab: the form stays as it was
        phone.click("text=معاينة")
    phone = opened.value
    phone.wait_for_load_state()
    # The preview of the unsaved form opens at desktop width; its phone button sends the
    # same text again at 375 px.
    with phone.expect_navigation():
        phone.click("button[value=phone]")
    assert phone.locator("#preview-frame").get_attribute("width") == "375"
    framed = phone.frame_locator("#preview-frame").locator("main")
    assert "فقرة جديدة كتبها المحرر للمسودة." in framed.inner_text()  # framing is allowed
    shot(phone, "preview-frame-375")
    phone.goto(preview_url)
    assert "فقرة جديدة كتبها المحرر للمسودة." in phone.locator("main").inner_text()
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    assert phone.locator("html").get_attribute("dir") == "rtl"
    shot(phone, "preview-375-ar")
    assert axe_in(phone, "main") == []
    anonymous = new_page()
    anonymous.goto(preview_url)
    assert "/admin/login/" in anonymous.url  # a visitor is sent to sign in
    assert "فقرة جديدة" not in anonymous.content()

    press(editor, "input[name=_submit]")
    reviewer = sign_in(new_page, "dr-haddad")
    dashboard = reviewer.locator("#editorial-dashboard")
    assert "بانتظار مراجعتك" in dashboard.inner_text()
    assert axe_in(reviewer, "#editorial-dashboard") == []
    press(reviewer, "#editorial-dashboard .to-review a")
    assert reviewer.locator("table.compare-table ins").count() >= 1
    shot(reviewer, "review-compare-ar")
    assert axe_in(reviewer, "#content-main") == []
    reviewer.fill("#id_comment", "أضف المصدر الذي تستند إليه هذه الفقرة.")
    press(reviewer, "input[name=_send_back]")

    editor.goto("/admin/")
    assert "أضف المصدر الذي تستند إليه" in editor.locator("#editorial-dashboard").inner_text()
    press(editor, "#editorial-dashboard .sent-back a")
    assert "أضف المصدر الذي تستند إليه" in editor.locator(".sent-back-comment").inner_text()
    shot(editor, "sent-back-ar")
    fill_arabic(editor, "body", "## الفكرة\n\nفقرة منقحة مع مصدرها.")
    press(editor, "input[name=_submit]")

    reviewer.goto("/admin/")
    press(reviewer, "#editorial-dashboard .to-review a")
    press(reviewer, "input[name=_approve]")
    visitor.goto(url_in("ar", article))
    text = visitor.locator("main").inner_text()
    assert "فقرة منقحة مع مصدرها." in text
    assert "د. سلمى حداد" in visitor.locator(".review-box").inner_text()
    today = timezone.localdate().isoformat()
    # The approval dates the review (the first time in the box after the reviewer's name).
    reviewed = visitor.locator(".review-box dd time").first
    assert reviewed.get_attribute("datetime") == today
    shot(visitor, "published-after-review-ar")


def test_a_stale_save_is_refused_in_arabic_and_keeps_the_typed_text(
    new_page, site, browser_editor, django_user_model
):
    from django.contrib.auth.models import Group

    article = site["article"]
    second = django_user_model.objects.create_user(
        username="second", password=PASSWORD, is_staff=True
    )
    second.groups.add(Group.objects.get(name="Content editors"))
    first = sign_in(new_page, "editor")
    first.goto(f"/admin/content/article/{article.pk}/change/")
    # The first editor only opened the form, which takes no lock (walk 5 #1; a lock in
    # force would refuse the second editor's save: review D6); the stale-save refusal
    # still guards her text.
    other = sign_in(new_page, "second")
    other.goto(f"/admin/content/article/{article.pk}/change/")
    fill_arabic(other, "title", "عنوان حفظه محرر آخر")
    press(other, "input[name=_continue]")

    fill_arabic(first, "body", "## الفكرة\n\nنص كتبته بعناية ولا أريد أن أفقده.")
    press(first, "input[name=_continue]")
    errors = first.locator(".errornote, .errorlist.nonfield").all_inner_texts()
    assert any("نسخة أحدث" in e and "من حساب second" in e for e in errors), errors
    assert "نص كتبته بعناية" in first.locator("#id_body_ar").input_value()
    assert first.locator(".errorlist.nonfield a").get_attribute("href").count("/compare/") == 1
    shot(first, "stale-save-ar")
