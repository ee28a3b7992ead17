"""Live preview in a real browser: the editor's unsaved Arabic title in the new tab."""

import pytest

from .conftest import ARTIFACTS, DESKTOP, PHONE
from .test_images import picture  # noqa: F401 - the library picture fixture

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
    # The first edit takes the edit lock (one small POST): let it finish first, so the
    # live server answers one request at a time.
    with page.expect_response(lambda response: response.url.endswith("/lock/")):
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
    preview.close()


def test_invalid_text_is_explained_and_the_preview_pages_pass_axe(
    chromium, live_server, site, browser_editor
):
    from .test_audits import AXE, WCAG_TAGS

    # axe adds inline styles of its own: this audit runs without the policy (the test
    # above runs the preview under it).
    context = chromium.new_context(
        base_url=live_server.url, bypass_csp=True, locale="ar", viewport=DESKTOP
    )
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")
    article = site["article"]
    page.goto(f"/admin/content/article/{article.pk}/change/")
    page.locator(".ui-tabs-nav a[href$='_ar']").first.click()

    def audit(preview):
        preview.evaluate(AXE.read_text(encoding="utf-8"))
        result = preview.evaluate(
            """tags => axe.run({include: [['#content-main']]},
                               {runOnly: {type: 'tag', values: tags}})""",
            WCAG_TAGS,
        )
        return [(v["id"], [n["html"][:120] for n in v["nodes"][:2]]) for v in result["violations"]]

    with context.expect_page() as opened:
        page.click("#live-preview-button")
    preview = opened.value
    preview.wait_for_load_state()
    assert audit(preview) == []
    preview.close()
    page.fill("input[name=title_ar]", "")
    with context.expect_page() as opened:
        page.click("#live-preview-button")
    refused = opened.value
    refused.wait_for_load_state()
    errors = refused.locator("#live-preview-errors").inner_text()
    assert "لا يمكن عرض المعاينة" in errors and "هذا الحقل مطلوب." in errors
    assert refused.locator("#preview-frame").count() == 0
    SHOTS.mkdir(parents=True, exist_ok=True)
    refused.screenshot(path=str(SHOTS / "live-preview-refused-ar.png"))
    assert audit(refused) == []
    for open_page in context.pages:
        open_page.wait_for_load_state("networkidle")
    context.close()


def test_a_reviewer_sees_the_added_picture_in_the_review(new_page, site, doctor, picture):  # noqa: F811
    """The review draws the picture itself, small, beside its alt text (issue 26)."""
    from editorial.workflow import save_revision, snapshot_of_row, submit

    from .test_images import ALT_AR

    article = site["article"]
    content = snapshot_of_row(article)
    content["body_ar"] += f"\n\n![صورة](image:{picture.pk})\n"
    revision = save_revision(article, content, doctor)
    submit(revision, doctor)
    page = new_page(viewport=DESKTOP, locale="ar")
    page.goto("/admin/login/")
    page.fill("#id_username", doctor.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.goto(f"/admin/content/article/{article.pk}/review/{revision.pk}/")
    img = page.locator(".compare-table td[lang=ar] ins img.compare-picture")
    img.scroll_into_view_if_needed()
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=img.element_handle()
    )
    box = img.bounding_box()
    assert box["width"] < 200  # small, beside the words
    assert ALT_AR in page.locator(".compare-table td[lang=ar]").inner_text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "review-picture-ar.png"), full_page=False)
