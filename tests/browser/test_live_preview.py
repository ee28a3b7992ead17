"""Live preview in a real browser: the editor's unsaved Arabic title in the new tab."""

import pytest

from .conftest import ARTIFACTS, DESKTOP, PHONE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SHOTS = ARTIFACTS / "screenshots"
PASSWORD = "a-long-test-password-42"


def stored(article):
    from content.models import Article
    from editorial.models import ChangeRequest, Revision

    row = Article.objects.filter(pk=article.pk).values("title_ar", "latest_revision")[0]
    return row, Revision.objects.count(), ChangeRequest.objects.count()


def test_an_unsaved_arabic_title_is_previewed_and_nothing_is_stored(new_page, site, browser_editor):
    article = site["article"]
    page = new_page(viewport=DESKTOP, locale="ar")
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.goto(f"/admin/content/article/{article.pk}/change/")
    before = stored(article)
    title = "الميزوثيرابي: ما يجب أن تعرفه قبل الجلسة الأولى"
    page.locator(".ui-tabs-nav a[href$='_ar']").first.click()
    page.fill("input[name=title_ar]", title)
    with page.context.expect_page() as opened:
        page.click("#live-preview-button")
    preview = opened.value
    preview.wait_for_load_state()
    assert "/live-preview/" in preview.url
    assert preview.locator("html").get_attribute("lang") == "ar"
    frame = preview.frame_locator("#preview-frame")
    assert frame.locator("h1").first.inner_text() == title
    assert frame.locator("html").get_attribute("dir") == "rtl"
    SHOTS.mkdir(parents=True, exist_ok=True)
    preview.screenshot(path=str(SHOTS / "live-preview-desktop-ar.png"))
    # The phone width: the same unsaved title, sent again by the button.
    with preview.expect_navigation():
        preview.click("button[name=preview_device][value=phone]")
    assert preview.frame_locator("#preview-frame").locator("h1").first.inner_text() == title
    assert preview.locator("#preview-frame").get_attribute("width") == str(PHONE["width"])
    preview.screenshot(path=str(SHOTS / "live-preview-phone-ar.png"))
    # The form still holds the title; the database does not.
    assert page.input_value("input[name=title_ar]") == title
    assert stored(article) == before
