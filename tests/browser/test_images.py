"""An Arabic editor puts a library picture into an article with the body editor's Image
button; the preview draws it as the page will (WebP, its Arabic alt text); once published,
the patient's page shows it, lazily, in its reserved space."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from .conftest import ARTIFACTS, DESKTOP
from .helpers import url_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SHOTS = ARTIFACTS / "screenshots"
ALT_AR = "رسم لإبرة دقيقة تدخل الطبقة الوسطى من الجلد."


@pytest.fixture
def picture(settings, tmp_path, browser_editor):
    """A picture in the library (stored as the admin stores it), and the editor's rights
    over the library."""
    from django.contrib.auth.models import Permission

    from images import processing, renditions
    from images.models import Image

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SERVE_MEDIA = True
    for group in browser_editor.groups.all():
        group.permissions.add(*Permission.objects.filter(content_type__app_label="images"))
    out = io.BytesIO()
    PILImage.new("RGB", (1600, 1000), (214, 150, 130)).save(out, "JPEG")
    clean = processing.clean_upload(SimpleUploadedFile("p.jpg", out.getvalue(), "image/jpeg"))
    image = Image(
        title="Needle in the dermis",
        alt_ar=ALT_AR,
        alt_en="A fine needle entering the middle layer of the skin.",
        width=clean.width,
        height=clean.height,
    )
    image.file.save(f"upload.{clean.extension}", clean.content, save=False)
    image.save()
    renditions.make(image)
    return image


def sign_in(page):
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-test-password-42")
    with page.expect_navigation():
        page.click("input[type=submit]")


def loaded(locator):
    return locator.evaluate("(img) => img.complete && img.naturalWidth > 0")


def test_an_arabic_editor_inserts_a_picture_and_the_preview_shows_it(
    new_page, site, browser_editor, picture
):
    article = site["article"]
    page = new_page(viewport=DESKTOP)
    sign_in(page)
    page.goto(f"/admin/content/article/{article.pk}/change/")
    page.locator(".ui-tabs-nav a[href$='_ar']").first.click()
    editor = page.locator(".body-editor").filter(has=page.locator("textarea[lang=ar]"))
    editor.locator(".CodeMirror").click()
    page.keyboard.press("Control+End")

    editor.locator(".body-editor__button--image").click()
    dialog = page.locator("dialog.image-dialog")
    assert dialog.locator("h2").inner_text() == "أدرج صورة"
    dialog.locator("input[type=search]").fill("إبرة")  # found by its Arabic description
    dialog.locator(f".image-dialog__image[data-image='{picture.pk}']").click()
    dialog.locator("button[value=insert]").click()
    dialog.wait_for(state="detached")

    panel = page.locator(".body-editor__preview-panel").filter(has=page.locator("[lang=ar]"))
    shown = panel.locator(".body-editor__preview figure img")
    shown.wait_for()
    assert shown.get_attribute("alt") == ALT_AR
    assert ".webp 480w" in shown.get_attribute("srcset")
    assert (shown.get_attribute("width"), shown.get_attribute("height")) == ("800", "500")
    shown.scroll_into_view_if_needed()
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=shown.element_handle()
    )
    assert not panel.locator(".body-editor__warnings--shown").count()  # nothing dropped
    # The page as the patient will see it, drawn in the preview's frame.
    drawn = panel.frame_locator(".body-editor__page-preview").locator("figure img")
    drawn.scroll_into_view_if_needed()
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=drawn.element_handle()
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / "image-inserted-preview-ar-1280.png", full_page=False)

    with page.expect_navigation():
        page.click("input[name=_continue]")  # Save draft
    article.refresh_from_db()
    assert f"(image:{picture.pk})" in article.latest_revision.content["body_ar"]

    # A medical reviewer publishes the draft; the patient's page then shows the picture.
    from django.contrib.auth import get_user_model

    from editorial.workflow import publish

    chief = get_user_model().objects.create_superuser("chief", password="x" * 16)
    publish(article.latest_revision, chief, notify=False)
    visitor = new_page(viewport=DESKTOP)
    visitor.goto(url_in("ar", article))
    img = visitor.locator(".article-body figure img")
    assert img.get_attribute("alt") == ALT_AR
    assert img.get_attribute("loading") == "lazy"
    img.scroll_into_view_if_needed()
    visitor.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=img.element_handle()
    )
    visitor.screenshot(path=SHOTS / "image-on-article-ar-1280.png", full_page=True)


def test_an_arabic_editor_uploads_a_picture_under_the_consent_rule(
    new_page, settings, tmp_path, browser_editor
):
    from django.contrib.auth.models import Permission

    from images.models import Image

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SERVE_MEDIA = True
    for group in browser_editor.groups.all():
        group.permissions.add(*Permission.objects.filter(content_type__app_label="images"))
    out = io.BytesIO()
    PILImage.new("RGB", (900, 600), (120, 160, 200)).save(out, "PNG")
    page = new_page(viewport=DESKTOP)
    sign_in(page)
    page.goto("/admin/images/image/add/")
    rule = page.locator(".image-consent-rule p[lang=ar]")
    assert "الموافقة الكتابية" in rule.inner_text() and rule.get_attribute("dir") == "rtl"
    assert page.locator(".image-consent-rule p[lang=en]").get_attribute("dir") == "ltr"
    page.set_input_files(
        "#id_upload", files=[{"name": "p.png", "mimeType": "image/png", "buffer": out.getvalue()}]
    )
    page.fill("#id_title", "Face before a session")
    page.locator(".ui-tabs-nav a[href$='_ar']").first.click()
    page.fill("#id_alt_ar", "وجه امرأة قبل الجلسة.")
    page.locator(".ui-tabs-nav a[href$='_en']").first.click()
    page.fill("#id_alt_en", "A woman's face before the session.")
    page.check("#id_shows_patient")
    with page.expect_navigation():
        page.click("input[name=_save]")
    # Refused without consent, in Arabic, the form kept.
    errors = " ".join(page.locator(".errorlist").all_inner_texts())
    assert "موافقته الكتابية" in errors
    assert page.input_value("#id_title") == "Face before a session"
    assert not Image.objects.exists()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / "image-upload-consent-refused-ar-1280.png", full_page=True)
    page.set_input_files(
        "#id_upload", files=[{"name": "p.png", "mimeType": "image/png", "buffer": out.getvalue()}]
    )
    page.check("#id_consent_on_file")
    with page.expect_navigation():
        page.click("input[name=_save]")
    image = Image.objects.get()
    assert image.consent_recorded_by == browser_editor
    assert page.locator(f"img[src$='{image.key}-480.webp']").count() == 1  # in the list


def test_a_refused_upload_opens_the_tab_with_the_error_and_asks_for_the_file_again(
    new_page, settings, tmp_path, browser_editor
):
    """Review D4: a refused alt text's error was hidden behind another language's tab, and
    the chosen file silently gone."""
    from django.contrib.auth.models import Permission

    settings.MEDIA_ROOT = tmp_path / "media"
    for group in browser_editor.groups.all():
        group.permissions.add(*Permission.objects.filter(content_type__app_label="images"))
    out = io.BytesIO()
    PILImage.new("RGB", (900, 600), (120, 160, 200)).save(out, "PNG")
    page = new_page(viewport=DESKTOP)
    sign_in(page)
    page.goto("/admin/images/image/add/")
    page.set_input_files(
        "#id_upload", files=[{"name": "p.png", "mimeType": "image/png", "buffer": out.getvalue()}]
    )
    page.fill("#id_title", "Needle and skin")
    # Both alt texts left empty, as the reviewer did: the first language's tab opens.
    with page.expect_navigation():
        page.click("input[name=_save]")
    page.wait_for_timeout(300)
    assert page.locator("#id_alt_ar").is_visible()  # its tab is open, with its error
    assert not page.locator("#id_alt_en").is_visible()
    upload_error = page.locator(".field-upload .errorlist").inner_text()
    assert "«p.png»" in upload_error and "فاخترها مرة أخرى" in upload_error
    assert page.input_value("#id_title") == "Needle and skin"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / "image-upload-refused-tab-ar-1280.png", full_page=True)
