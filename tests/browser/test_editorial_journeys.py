"""Issue 26's journeys in a real browser, in Arabic and English: reception's list at
1280 px, the reviewer's confirmation before unpublishing, and the preview that fits."""

import pytest

from .conftest import ARTIFACTS, DESKTOP, PHONE

# Like every browser test: the live server's database is put back as migrations left it.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SHOTS = ARTIFACTS / "screenshots"
PASSWORD = "a-long-test-password-42"


def sign_in_as(page, username):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")


def choose_admin_language(page, code):
    button = page.locator(f"#admin-language-form button[value={code}]")
    if button.count():
        with page.expect_navigation():
            button.click()


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="chief", password=PASSWORD, email="chief@example.org", first_name="Nour"
    )


def columns_outside(page, table="#result_list"):
    """The headers of the list's columns that are not wholly inside the window."""
    return page.evaluate(
        """(table) => {
          const width = document.documentElement.clientWidth;
          return [...document.querySelectorAll(table + ' thead th')].filter((th) => {
            const box = th.getBoundingClientRect();
            return box.left < 0 || box.right > width;
          }).map((th) => th.textContent.trim());
        }""",
        table,
    )


@pytest.mark.parametrize("code", ["ar", "en"])
def test_reception_sees_every_column_of_the_request_list_at_1280(new_page, superuser, site, code):
    from screener.models import ConsultationRequest

    for number in range(3):
        ConsultationRequest.objects.create(
            name=f"مريضة رقم {number} من الرياض",
            phone="+966500000000",
            preferred_language="ar",
            preferred_time="any",
            reference=f"MI-00{number}",
            submission_token=f"token-{number}",
            status="booked" if number else "new",
        )
    page = new_page(viewport=DESKTOP, locale=code)
    sign_in_as(page, "chief")
    choose_admin_language(page, code)
    for url in ("/admin/screener/consultationrequest/", "/admin/content/article/"):
        page.goto(url)
        assert page.locator("html").get_attribute("lang") == code
        assert columns_outside(page) == [], url
        scroll = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert scroll[0] <= scroll[1], (url, scroll)
        results = page.locator(".results")
        assert results.evaluate("(e) => e.scrollWidth <= e.clientWidth"), url
    page.goto("/admin/screener/consultationrequest/")
    assert page.locator("#changelist-filter .filter-panel__body").is_visible()
    assert (
        page.locator("#changelist-filter").bounding_box()["y"]
        < page.locator("#result_list").bounding_box()["y"]
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto("/admin/screener/consultationrequest/")
    page.screenshot(path=SHOTS / f"reception-list-{code}-1280.png")


def wider_than_the_window(page):
    """The elements that reach past the window's edge (what makes the page scroll sideways),
    outside boxes that scroll by themselves."""
    return page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth;
          const scrolls = (e) => e.closest('.results, [data-scrolls]') !== null;
          return [...document.querySelectorAll('body *')].filter((e) => {
            const box = e.getBoundingClientRect();
            return box.width && (box.right > width + 1 || box.left < -1) && !scrolls(e);
          }).slice(0, 8).map((e) => e.tagName + '.' + e.className + '#' + e.id + ' '
                                   + Math.round(e.getBoundingClientRect().left) + '..'
                                   + Math.round(e.getBoundingClientRect().right));
        }"""
    )


@pytest.mark.parametrize("code", ["ar", "en"])
def test_reception_request_list_and_page_do_not_scroll_sideways_at_375(
    new_page, superuser, site, code
):
    """Review D18: at 375 px the request list was 390 px wide."""
    from django.utils import timezone

    from screener.models import ConsultationRequest

    for number in range(3):
        row = ConsultationRequest.objects.create(
            name=f"مريضة رقم {number} من الرياض",
            phone="+966500000000",
            preferred_language="ar",
            preferred_time="any",
            reference=f"MI-00{number}",
            submission_token=f"token-{number}",
            status="booked",
            handled_by=superuser,
            handled_at=timezone.now(),
        )
    page = new_page(viewport=PHONE, locale=code)
    sign_in_as(page, "chief")
    choose_admin_language(page, code)
    for url in (
        "/admin/screener/consultationrequest/",
        f"/admin/screener/consultationrequest/{row.pk}/change/",
    ):
        page.goto(url)
        assert page.locator("html").get_attribute("lang") == code
        scroll = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert scroll[0] <= scroll[1], (url, scroll, wider_than_the_window(page))
    # «تابعه» names the person (first name here), not the account "chief".
    assert page.locator(".field-handled_by_name .readonly").inner_text() == "Nour"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto("/admin/screener/consultationrequest/")
    page.screenshot(path=SHOTS / f"reception-list-{code}-375.png", full_page=True)
    # Walk 5, item 4: the first request is on the first screen, its phone, status and
    # duplicate flag inside the window, each named; the filters folded away below.
    first = page.locator("#result_list tbody tr").first
    assert first.bounding_box()["y"] + 200 < PHONE["height"]
    width = page.evaluate("() => document.documentElement.clientWidth")
    for field in ("phone_link", "status", "likely_duplicate"):
        cell = first.locator(f".field-{field}")
        box = cell.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (field, box, width)
        assert cell.get_attribute("data-label"), field
    assert "500000000" in first.locator(".field-phone_link").inner_text()
    # The number reads left to right, its "+" first, in Arabic too.
    plus_x, last_x = first.locator(".field-phone_link a").evaluate(
        """(a) => {
          const text = a.firstChild, range = document.createRange(), xs = [];
          for (const at of [0, text.length - 1]) {
            range.setStart(text, at); range.setEnd(text, at + 1);
            xs.push(range.getBoundingClientRect().left);
          }
          return xs;
        }"""
    )
    assert plus_x < last_x
    assert first.locator(".field-likely_duplicate img, .field-likely_duplicate").count()
    panel = page.locator("#changelist-filter details.filter-panel")
    assert not panel.evaluate("(e) => e.open")
    assert not page.locator("#changelist-filter .filter-panel__body").is_visible()
    assert panel.bounding_box()["y"] > first.bounding_box()["y"]
    panel.locator("> summary").click()
    assert page.locator("#changelist-filter .filter-panel__body").is_visible()
    page.screenshot(path=SHOTS / f"reception-list-{code}-375-filters.png", full_page=True)


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("link", ["main ul a[data-print-url]", "footer a[href^='/']"])
def test_the_screener_result_survives_a_trip_to_an_article_and_back(page, site, language, link):
    from .helpers import press_button, take_screener

    take_screener(page, language, {8: "yes"})
    press_button(page, "main form button[type=submit]")
    assert page.url.endswith(f"/{language}/screener/result/")
    assert page.locator(".summary-list__row").count() == 8
    with page.expect_navigation():
        page.locator(link).first.click()  # "Read more", or the footer
    assert "/screener/" not in page.url
    with page.expect_navigation():
        page.go_back()
    assert page.url.endswith(f"/{language}/screener/result/")
    assert page.locator(".result-panel--avoid").count() == 1
    assert page.locator(".summary-list__row").count() == 8
    # Two steps away, the answers are forgotten as before.
    with page.expect_navigation():
        page.locator(link).first.click()
    with page.expect_navigation():
        page.locator("footer a[href^='/']").last.click()
    page.goto(f"/{language}/screener/result/")
    assert page.locator(".summary-list__row").count() == 0


@pytest.mark.parametrize(
    "code, waits, refused",
    [
        ("ar", "ينتظر تعديلك توقيع الطبيب المراجِع", "تولّى"),
        ("en", "Your change waits for a medical reviewer", "took over editing"),
    ],
)
def test_a_page_change_waits_for_sign_off_and_two_editors_share_an_article(
    new_page, site, browser_editor, doctor, code, waits, refused
):
    from django.contrib.auth.models import Permission

    from content.models import Page

    browser_editor.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="content", codename="change_page")
    )
    about = site.get("about_page") or Page.objects.get(corpus_key="about")
    claim = "Completely safe in pregnancy."
    editor = new_page(locale=code)
    sign_in_as(editor, "editor")
    choose_admin_language(editor, code)
    editor.goto(f"/admin/content/page/{about.pk}/change/")
    editor.locator(".ui-tabs-nav a[href='#tab_id_body_en']").click()
    body = editor.locator("textarea[name=body_en]")
    # The body editor (JavaScript) or the plain textarea: type at the end of the text.
    codemirror = editor.locator(".body-editor").filter(has=editor.locator("textarea[lang=en]"))
    codemirror.locator(".CodeMirror").click()
    editor.keyboard.press("Control+End")
    editor.keyboard.insert_text("\n\n" + claim)
    assert claim in body.input_value()
    with editor.expect_navigation():
        editor.click("input[name=_save]")
    assert waits in editor.locator(".messagelist").inner_text()
    editor.goto(f"/en/{about.get_absolute_url().split('/', 2)[2]}")
    assert claim not in editor.content()

    # A medical reviewer signs it off from the queue; then patients read it.
    doctor_page = new_page(locale=code)
    sign_in_as(doctor_page, "dr-haddad")
    choose_admin_language(doctor_page, code)
    doctor_page.goto("/admin/editorial/changerequest/")
    with doctor_page.expect_navigation():
        doctor_page.locator("#result_list tbody a").first.click()
    added = " ".join(doctor_page.locator(".compare-table ins").all_inner_texts())
    assert "pregnancy." in added, added
    with doctor_page.expect_navigation():
        doctor_page.click("input[name=_approve]")
    editor.reload()
    assert claim in editor.content()

    # Two people on one article: the second sees the first, a reviewer takes over.
    # Opening the form does not lock it (walk 5 #1); the first keystroke does.
    from editorial.models import EditLock

    article = site["article"]
    editor.goto(f"/admin/content/article/{article.pk}/change/")
    doctor_page.goto(f"/admin/content/article/{article.pk}/change/")
    assert doctor_page.locator(".editing-notice").count() == 0
    assert not EditLock.objects.filter(article=article).exists()
    editor.locator(".ui-tabs-nav a[href='#tab_id_body_en']").click()
    article_body = editor.locator(".body-editor").filter(has=editor.locator("textarea[lang=en]"))
    article_body.locator(".CodeMirror").click()
    editor.keyboard.press("Control+End")
    editor.keyboard.insert_text(" More.")
    editor.locator("#editing-lock .lock-taken").wait_for(state="visible")
    doctor_page.goto(f"/admin/content/article/{article.pk}/change/")
    notice = doctor_page.locator(".editing-notice")
    assert "editor" in notice.inner_text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    doctor_page.screenshot(path=SHOTS / f"editing-notice-{code}.png")
    with doctor_page.expect_navigation():
        notice.locator("button").click()
    with editor.expect_navigation():
        editor.click("input[name=_continue]")
    assert refused in editor.locator(".errornote, .errorlist").first.inner_text() or refused in (
        editor.content()
    )


@pytest.mark.parametrize("code", ["ar", "en"])
def test_the_link_dialog_inserts_an_article_by_id(new_page, site, browser_editor, code):
    article, other = site["article"], site.get("other") or None
    target = other or article
    page = new_page(locale=code)
    sign_in_as(page, "editor")
    choose_admin_language(page, code)
    page.goto(f"/admin/content/article/{article.pk}/change/")
    page.locator(f".ui-tabs-nav a[href='#tab_id_body_{code}']").click()
    editor = page.locator(".body-editor").filter(has=page.locator(f"textarea[lang={code}]"))
    editor.locator(".CodeMirror").click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    editor.locator(".body-editor__button--link").click()
    dialog = page.locator("dialog.link-dialog")
    assert dialog.is_visible()
    title = getattr(target, f"title_{code}")
    page.keyboard.insert_text(title.split()[0])
    dialog.locator(f"button[data-article='{target.pk}']").click()
    dialog.locator("button[value=insert]").click()
    assert not dialog.count() or not dialog.is_visible()
    body = page.locator(f"textarea[name=body_{code}]").input_value()
    assert f"](article:{target.pk})" in body
    # The live preview shows it as a link to the article's address.
    panel = page.locator(".body-editor__preview-panel").filter(has=page.locator(f"[lang={code}]"))
    from .helpers import url_in

    panel.locator(f"a[href='{url_in(code, target)}']").first.wait_for()


def test_one_fields_language_tab_switches_every_field(new_page, site, browser_editor):
    page = new_page(locale="ar")
    sign_in_as(page, "editor")
    page.goto(f"/admin/content/article/{site['article'].pk}/change/")
    page.locator(".ui-tabs-nav a[href='#tab_id_summary_en']").click()
    page.locator("#id_title_en").wait_for(state="visible")
    assert page.locator("#id_title_en").is_visible() and page.locator("#id_slug_en").is_visible()
    assert not page.locator("#id_title_ar").is_visible()
    assert page.locator("#modeltranslation-main-switch").input_value() == "1"


@pytest.mark.parametrize("code", ["ar", "en"])
def test_the_body_editor_is_wide_with_its_preview_below(new_page, site, browser_editor, code):
    page = new_page(viewport=DESKTOP, locale=code)
    sign_in_as(page, "editor")
    choose_admin_language(page, code)
    page.goto(f"/admin/content/article/{site['article'].pk}/change/")
    editor = page.locator(f".body-editor:has(textarea[lang={code}])")
    editor.locator(".CodeMirror").wait_for()
    box = editor.locator(".CodeMirror").bounding_box()
    panel = page.locator(
        f".body-editor__preview-panel:has(.body-editor__preview[lang={code}])"
    ).bounding_box()
    assert box["width"] >= 600, box
    assert panel["y"] >= box["y"] + box["height"] - 1  # below, not beside
    heading = editor.locator(".cm-header").first
    size = heading.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    body = editor.locator(".CodeMirror").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size <= body * 1.1


@pytest.mark.parametrize("code", ["ar", "en"])
def test_the_body_preview_draws_the_text_as_the_page_does(new_page, site, browser_editor, code):
    """The editor's preview and the public page (and so the full preview) agree."""
    from .helpers import url_in

    article = site["article"]
    page = new_page(viewport=DESKTOP, locale=code)
    sign_in_as(page, "editor")
    choose_admin_language(page, code)
    page.goto(f"/admin/content/article/{article.pk}/change/")
    panel = page.locator(f".body-editor__preview-panel:has(.body-editor__preview[lang={code}])")
    frame = panel.locator("iframe.body-editor__page-preview")
    frame.wait_for()
    inner = panel.frame_locator("iframe.body-editor__page-preview")
    inner.locator(".article-body h2").first.wait_for()
    style = "e => [getComputedStyle(e).fontSize, getComputedStyle(e).fontWeight, e.textContent]"
    in_editor = inner.locator(".article-body h2").first.evaluate(style)
    public = new_page(viewport=DESKTOP, locale=code)
    public.goto(url_in(code, article))
    on_page = public.locator(".article-body h2").first.evaluate(style)
    assert in_editor == on_page
    assert inner.locator("html").get_attribute("dir") == public.locator("html").get_attribute("dir")


@pytest.mark.parametrize("code", ["ar", "en"])
def test_preview_opens_in_a_new_tab_and_unsaved_edits_are_not_lost(
    new_page, site, browser_editor, code
):
    """Review D2: Preview left the form in the same tab and the body edits were gone."""
    article = site["article"]
    page = new_page()
    sign_in_as(page, "editor")
    choose_admin_language(page, code)
    page.goto(f"/admin/content/article/{article.pk}/change/")
    editor = page.locator(".body-editor").filter(has=page.locator("textarea[lang=en]"))
    page.locator(".ui-tabs-nav a[href$='_en']").first.click()
    editor.locator(".CodeMirror").click()
    page.keyboard.press("Control+End")
    page.keyboard.insert_text("\n\nUnsaved sentence the editor is still writing.")
    button = page.locator("#live-preview-button")
    assert button.get_attribute("formtarget") == "_blank"
    with page.context.expect_page() as opened:
        button.click()
    preview = opened.value
    preview.wait_for_load_state()
    assert "/live-preview/" in preview.url
    # The preview shows the sentence not yet saved, in English when asked for.
    with preview.expect_navigation():
        preview.locator("button[name=preview_language][value=en]").click()
    shown = preview.frame_locator("#preview-frame").locator(".article-body")
    assert "Unsaved sentence the editor is still writing." in shown.inner_text()
    preview.screenshot(path=str(SHOTS / f"preview-new-tab-{code}.png"))
    # The form is still there, with the text being written.
    assert (
        "Unsaved sentence the editor is still writing."
        in editor.locator(".CodeMirror").inner_text()
    )
    # Leaving it asks first; staying keeps the text.
    asked = []

    def stay(dialog):
        asked.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    page.evaluate("() => { window.location.href = '/admin/'; }")
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]
    assert "/change/" in page.url
    page.screenshot(path=str(SHOTS / f"unsaved-kept-{code}.png"))
    # Saving is not leaving: no question, and the draft is kept.
    page.remove_listener("dialog", stay)
    page.on("dialog", lambda dialog: asked.append(dialog.type) or dialog.accept())
    with page.expect_navigation():
        page.click("input[name=_continue]")
    assert asked == ["beforeunload"]
