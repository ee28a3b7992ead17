"""An Arabic editor writes through the body editor's toolbar; the preview and the public
page show Latin names, doses and addresses in the right order, without any markup."""

import pytest

from .conftest import ARTIFACTS, DESKTOP, PHONE
from .helpers import url_in

# Like every browser test: the live server's database is put back as migrations left it
# (a plain transactional reset would renumber content types under the other tests).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SHOTS = ARTIFACTS / "screenshots"
LTR = 'span[dir="ltr"][lang="en"]'
PARAGRAPH = (
    "يُحقن دواء Kybella بجرعة 10 mg في كل جلسة. للاستفسار راسلنا على "
    "info@example.org أو زر https://example.org/kybella قبل الموعد."
)


def sign_in(page):
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-test-password-42")
    with page.expect_navigation():
        page.click("input[type=submit]")


def type_into(page, editor, text):
    editor.locator(".CodeMirror").click()
    page.keyboard.press("Control+End")
    page.keyboard.insert_text(text)


def ltr_runs_in_order(locator):
    """The isolated runs' texts, and whether each one reads left to right on screen."""
    return locator.evaluate(
        """(root) => [...root.querySelectorAll('span[dir="ltr"]')].map((span) => {
          const range = document.createRange();
          const node = span.firstChild;
          range.setStart(node, 0); range.setEnd(node, 1);
          const first = range.getBoundingClientRect();
          range.setStart(node, node.length - 1); range.setEnd(node, node.length);
          const last = range.getBoundingClientRect();
          return [span.textContent, first.top !== last.top || first.left < last.left];
        })"""
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "375"])
def test_arabic_editor_writes_through_the_toolbar(new_page, site, browser_editor, viewport):
    article = site["article"]
    page = new_page(viewport=viewport)
    sign_in(page)
    page.goto(f"/admin/content/article/{article.pk}/change/")
    page.locator(".ui-tabs-nav a[href$='_ar']").first.click()
    editor = page.locator(".body-editor").filter(has=page.locator("textarea[lang=ar]"))
    assert editor.locator(".CodeMirror-code.CodeMirror-rtl").count() == 1  # typed right to left
    english = page.locator(".body-editor").filter(has=page.locator("textarea[lang=en]"))
    assert english.locator(".CodeMirror-code.CodeMirror-rtl").count() == 0
    # Clear the old body, then: a heading, a paragraph, a list, a callout, all by toolbar.
    editor.locator(".CodeMirror").click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    editor.locator(".body-editor__button--h2").click()
    page.keyboard.insert_text("كيف تجري الجلسة")
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.insert_text(PARAGRAPH)
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.insert_text("تنظيف الجلد")
    editor.locator(".body-editor__button--ul").click()
    page.keyboard.press("Enter")
    page.keyboard.insert_text("الحقن بإبرة دقيقة")
    editor.locator(".body-editor__button--ul").click()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    editor.locator(".body-editor__button--warning").click()
    box = page.locator("dialog.callout-dialog")
    box.locator("input[name=heading]").fill("قبل الجلسة")
    box.locator("textarea[name=text]").fill("أخبر الطبيب بكل دواء تتناوله.")
    box.locator("button[value=insert]").click()

    panel = page.locator(".body-editor__preview-panel").filter(has=page.locator("[lang=ar]"))
    preview = panel.locator(".body-editor__preview")
    preview.locator("h2", has_text="كيف تجري الجلسة").wait_for()
    preview.locator(LTR, has_text="https://example.org/kybella").wait_for()
    assert preview.get_attribute("dir") == "rtl"
    assert preview.locator("li").all_inner_texts() == ["تنظيف الجلد", "الحقن بإبرة دقيقة"]
    runs = ltr_runs_in_order(preview)[:4]  # (a callout's keyword follows until it is rendered)
    assert [text for text, _ in runs] == [
        "Kybella", "10 mg", "info@example.org", "https://example.org/kybella",
    ]  # fmt: skip
    assert all(left_to_right for _, left_to_right in runs), runs
    assert "كلمة" in panel.locator(".body-editor__summary").inner_text()
    name = viewport["width"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    panel.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / f"body-editor-preview-ar-{name}.png", full_page=False)

    # Something the sanitizer drops is named before saving.
    type_into(page, editor, "\n\n<b>غامق</b>")
    panel.locator(".body-editor__warnings--shown", has_text="<b>").wait_for()
    page.keyboard.press("Control+Z")
    panel.locator(".body-editor__warnings--shown").wait_for(state="hidden")

    with page.expect_navigation():
        page.click("input[name=_continue]")  # Save draft
    assert "حُفظت المسودة" in page.locator(".messagelist").inner_text()
    # A medical reviewer publishes the draft (the editorial workflow's own tests drive that
    # in the browser); the saved text is then the live one.
    from django.contrib.auth import get_user_model

    from editorial.workflow import publish

    article.refresh_from_db()
    chief = get_user_model().objects.create_superuser("chief", password="x" * 16)
    publish(article.latest_revision, chief, notify=False)
    article.refresh_from_db()
    article.body_ar = article.body_ar.replace("\r\n", "\n")  # as a textarea sends it
    assert "<span" not in article.body_ar and "Kybella بجرعة 10 mg" in article.body_ar
    assert article.body_ar.startswith("## كيف تجري الجلسة")
    assert "- تنظيف الجلد\n- الحقن بإبرة دقيقة" in article.body_ar
    assert '!!! warning "قبل الجلسة"\n    أخبر الطبيب بكل دواء تتناوله.' in article.body_ar

    visitor = new_page(viewport=viewport)
    visitor.goto(url_in("ar", article))
    body = visitor.locator(".article-body")
    body.locator(LTR, has_text="10 mg").wait_for()
    runs = ltr_runs_in_order(body)[:4]
    assert [text for text, _ in runs] == [
        "Kybella", "10 mg", "info@example.org", "https://example.org/kybella",
    ]  # fmt: skip
    assert all(left_to_right for _, left_to_right in runs), runs
    visitor.screenshot(path=SHOTS / f"body-editor-public-ar-{name}.png", full_page=True)


def test_without_javascript_the_body_is_a_plain_textarea(
    chromium, live_server, site, browser_editor
):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(page)
    page.goto(f"/admin/content/article/{site['article'].pk}/change/")
    textarea = page.locator("textarea[name=body_ar]")
    assert (
        textarea.get_attribute("dir") == "rtl" and textarea.get_attribute("data-body-editor") == ""
    )
    assert page.locator(".CodeMirror").count() == 0
    context.close()


def test_the_editor_and_its_preview_pass_axe(chromium, live_server, site, browser_editor):
    from .test_audits import AXE, WCAG_TAGS

    # axe adds inline styles of its own: this audit runs without the policy (the journeys
    # above run the editor under it).
    context = chromium.new_context(base_url=live_server.url, bypass_csp=True, locale="ar")
    page = context.new_page()
    sign_in(page)
    page.goto(f"/admin/content/article/{site['article'].pk}/change/")
    page.locator(".ui-tabs-nav a[href$='_ar']").first.click()
    page.locator(".body-editor__preview h2").first.wait_for()
    # Every toolbar button can be reached with the keyboard, and works from it.
    tab_order = page.eval_on_selector_all(".editor-toolbar button", "bs => bs.map(b => b.tabIndex)")
    assert tab_order and set(tab_order) == {0}
    editor = page.locator(".body-editor").filter(has=page.locator("textarea[lang=ar]"))
    editor.locator(".CodeMirror").click()
    page.keyboard.press("Control+End")
    editor.locator(".body-editor__button--inset").focus()
    page.keyboard.press("Enter")  # the box dialog, by keyboard: kind, heading, text
    dialog = page.locator("dialog.callout-dialog")
    assert dialog.locator("input[value=inset]").evaluate("e => e === document.activeElement")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.insert_text("معلومة إضافية")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    in_dialog = page.evaluate(
        """tags => axe.run({include: [['dialog.callout-dialog']]},
                           {runOnly: {type: 'tag', values: tags}})""",
        WCAG_TAGS,
    )
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # Insert the box
    inserted = "!!! inset\n    معلومة إضافية"
    page.wait_for_function(  # the editor copies its text into the form field on change
        "b => document.querySelector('textarea[name=body_ar]').value.includes(b)", arg=inserted
    )
    assert inserted in page.locator("textarea[name=body_ar]").input_value()
    result = page.evaluate(
        """tags => axe.run({include: [['.body-editor'], ['.body-editor__preview-panel']]},
                           {runOnly: {type: 'tag', values: tags}})""",
        WCAG_TAGS,
    )
    violations = result["violations"] + in_dialog["violations"]
    problems = [(v["id"], [n["html"][:120] for n in v["nodes"][:2]]) for v in violations]
    page.wait_for_load_state("networkidle")
    context.close()
    assert problems == []


def test_the_box_dialog_inserts_a_care_card_and_changes_it_in_arabic(
    new_page, site, browser_editor
):
    """Review D5: a care card through a dialog (kind, heading, text), not a placeholder."""
    article = site["article"]
    page = new_page(viewport=DESKTOP, locale="ar")
    sign_in(page)
    page.goto(f"/admin/content/article/{article.pk}/change/")
    page.locator(".ui-tabs-nav a[href$='_ar']").first.click()
    editor = page.locator(".body-editor").filter(has=page.locator("textarea[lang=ar]"))
    editor.locator(".CodeMirror").click()
    page.keyboard.press("Control+End")
    opener = editor.locator(".body-editor__button--urgent")
    assert opener.inner_text() == "رعاية عاجلة"
    assert opener.get_attribute("aria-haspopup") == "dialog"
    opener.click()
    dialog = page.locator("dialog.callout-dialog")
    assert dialog.is_visible()
    assert dialog.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert dialog.get_by_role("heading").inner_text() == "أدرج مربعًا"
    assert dialog.get_by_role("radio", name="رعاية عاجلة", exact=True).is_checked()
    dialog.get_by_label("العنوان (اختياري)").fill("اطلب المساعدة فورًا")
    text = dialog.get_by_label("نص المربع")
    assert text.get_attribute("dir") == "rtl" and text.get_attribute("lang") == "ar"
    text.fill("إذا ابيضّ الجلد قرب موضع الحقن.\n\nاتصل بالإسعاف.")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / "callout-dialog-ar-1280.png")
    dialog.get_by_role("button", name="أدرج المربع").click()
    block = (
        '!!! urgent "اطلب المساعدة فورًا"\n    إذا ابيضّ الجلد قرب موضع الحقن.\n\n    اتصل بالإسعاف.'
    )
    # The editor copies its text into the form's field on its own change event: wait for it.
    page.wait_for_function(
        "b => document.querySelector('textarea[name=body_ar]').value.includes(b)", arg=block
    )
    assert block in page.locator("textarea[name=body_ar]").input_value()
    panel = page.locator(".body-editor__preview-panel").filter(has=page.locator("[lang=ar]"))
    panel.locator(".care-card--urgent", has_text="اتصل بالإسعاف").wait_for()

    # Inside the box, a box button opens it filled in; Update replaces it.
    editor.locator(".CodeMirror-line", has_text="اتصل بالإسعاف").click()
    editor.locator(".body-editor__button--warning").click()
    assert dialog.get_by_role("heading").inner_text() == "عدّل هذا المربع"
    assert dialog.get_by_role("radio", name="رعاية عاجلة", exact=True).is_checked()
    assert dialog.get_by_label("العنوان (اختياري)").input_value() == "اطلب المساعدة فورًا"
    assert dialog.get_by_label("نص المربع").input_value() == (
        "إذا ابيضّ الجلد قرب موضع الحقن.\n\nاتصل بالإسعاف."
    )
    dialog.get_by_role("radio", name="رعاية في اليوم نفسه", exact=True).check()
    dialog.get_by_role("button", name="حدّث المربع").click()
    page.wait_for_function(
        "b => document.querySelector('textarea[name=body_ar]').value.includes(b)",
        arg=block.replace("urgent", "same-day"),
    )
    body = page.locator("textarea[name=body_ar]").input_value()
    assert block.replace("urgent", "same-day") in body and "!!! urgent" not in body
    panel.locator(".care-card--same-day", has_text="اتصل بالإسعاف").wait_for()
    editor.screenshot(path=str(SHOTS / "callout-dialog-inserted-ar-1280.png"))

    with page.expect_navigation():
        page.click("input[name=_continue]")  # Save draft
    assert "حُفظت المسودة" in page.locator(".messagelist").inner_text()
    article.refresh_from_db()
    saved = article.latest_revision.content["body_ar"].replace("\r\n", "\n")
    assert block.replace("urgent", "same-day") in saved
