"""A library picture and the site's two drawings inside an article body: responsive WebP
with explicit size, lazy, alt text and caption in the page's language, in both languages;
a live article's picture changes only through review."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from content.rendering import render_markdown
from images.illustrations import DRAWINGS

IMG = re.compile(r"<img [^>]*>")


def attributes(tag):
    return dict(re.findall(r'(\w[\w-]*)="([^"]*)"', tag))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_picture_renders_as_responsive_webp_with_its_size_and_alt_text(make_image, language):
    image = make_image(caption_ar="قبل الجلسة.", caption_en="Before the session.")
    html = render_markdown(f"Text.\n\n![x](image:{image.pk})\n\nMore.", language)
    (tag,) = IMG.findall(html)
    found = attributes(tag)
    widths = [int(w) for w in re.findall(r"\.webp (\d+)w", found["srcset"])]
    assert widths == [480, 800, 1200]
    assert found["src"].endswith(f"{image.key}-800.webp")
    assert (found["width"], found["height"]) == ("800", "500")  # 1600 x 1000 scaled
    assert found["loading"] == "lazy" and found["decoding"] == "async" and found["sizes"]
    assert found["alt"] == getattr(image, f"alt_{language}")
    assert f"<figcaption>{getattr(image, f'caption_{language}')}</figcaption>" in html
    assert "<p><figure" not in html  # a block of its own, not inside a paragraph


@pytest.mark.django_db
def test_typed_html_cannot_smuggle_a_picture_in(make_image):
    html = render_markdown(
        '<img src="https://tracker.example/x.png" alt="">\n\n![x](image:999)', "en"
    )
    assert "<img" not in html and "tracker" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "en"])
def test_an_article_with_a_picture_shows_it_in_each_language(
    client, make_image, make_article, language
):
    image = make_image()
    article = make_article(
        body_ar=f"## عنوان\n\nنص.\n\n![صورة](image:{image.pk})",
        body_en=f"## Heading\n\nText.\n\n![picture](image:{image.pk})",
    )
    with translation.override(language):
        url = article.get_absolute_url()
    page = client.get(url).content.decode()
    (tag,) = IMG.findall(page)
    assert attributes(tag)["alt"] == getattr(image, f"alt_{language}")
    rendition = client.get(attributes(tag)["src"])
    assert rendition.status_code == 200 and rendition["Content-Type"] == "image/webp"
    with translation.override(language):
        home = client.get(reverse("content:home")).content.decode()
    assert "<img" not in home  # pictures stay off the first page a visitor sees


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("name", list(DRAWINGS))
def test_the_drawings_are_labelled_in_the_pages_language(name, language):
    html = render_markdown(f"![](illustration:{name})", language)
    assert 'role="img"' in html and f'aria-labelledby="drawing-{name}-title' in html
    with translation.override(language):
        drawing = DRAWINGS[name]()
        assert f">{drawing['title']}</title>" in html
        for label in drawing["labels"]:
            assert f">{label['text']}</text>" in html
    assert ('direction="rtl"' in html) == (language == "ar")
    assert "style=" not in html  # the CSP refuses inline styles
    assert len(html.encode()) < 4000  # small: it is part of the page's weight


def test_the_drawings_stand_in_their_articles_in_both_languages():
    corpus = Path(settings.BASE_DIR) / "content" / "corpus"
    for code, _name in settings.LANGUAGES:
        what_is = (corpus / code / "what-is-mesotherapy.md").read_text()
        session = (corpus / code / "session-and-course.md").read_text()
        assert "![](illustration:skin-layers)" in what_is
        assert "![](illustration:course-timeline)" in session


@pytest.mark.django_db
def test_a_picture_on_a_live_article_cannot_be_edited_only_replaced(
    admin_client, client, make_image, make_article, editor
):
    image = make_image()
    article = make_article(body_ar=f"![x](image:{image.pk})", body_en=f"![x](image:{image.pk})")
    change = reverse("admin:images_image_change", args=[image.pk])
    page = admin_client.get(change).content.decode()
    assert 'name="alt_ar"' not in page and 'name="alt_en"' not in page
    assert reverse("admin:content_article_change", args=[article.pk]) in page  # "used in"
    admin_client.post(change, {"title": "t", "alt_ar": "نص آخر.", "alt_en": "Other words."})
    image.refresh_from_db()
    assert image.alt_en == "A needle above the skin."
    # Taking it off a live page is a reviewer's decision, not an editor's.
    client.force_login(editor)
    assert client.get(reverse("admin:images_image_delete", args=[image.pk])).status_code == 403
    unused = make_image()
    assert client.get(reverse("admin:images_image_change", args=[unused.pk])).status_code == 200
    assert (
        'name="alt_ar"'
        in client.get(reverse("admin:images_image_change", args=[unused.pk])).content.decode()
    )


@pytest.mark.django_db
def test_text_only_uses_read_a_picture_as_its_words(make_image):
    # Search, readability and the reviewer's compare render without a language.
    image = make_image(caption_en="Before the session.")
    with translation.override("en"):
        html = render_markdown(f"Text.\n\n![x](image:{image.pk})\n\n![](illustration:skin-layers)")
    assert "<img" not in html and "<svg" not in html
    assert f"<p>{image.alt_en} Before the session.</p>" in html
    assert "it goes 1 to 4 mm deep, into the dermis" in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_body_preview_warns_of_a_picture_the_page_will_leave_out(
    admin_client, make_image, language
):
    shown = make_image()
    refused = make_image(shows_patient=True, consent_on_file=False)
    text = f"![a](image:{shown.pk})\n\n![b](image:{refused.pk})\n\n![c](image:999)"
    response = admin_client.post(
        reverse("body_preview"), {"text": text, "language": language}, HTTP_ACCEPT_LANGUAGE=language
    )
    warnings = response.json()["warnings"]
    assert len(warnings) == 2
    assert f"image:{refused.pk}" in warnings[0] and "image:999" in warnings[1]
    assert bool(re.search("[\u0621-\u064a]", warnings[0])) == (language == "ar")
    assert shown.key in response.json()["html"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_corpus_articles_show_their_drawings(client, language):
    import gzip

    from django.core.management import call_command

    from content.models import Article

    call_command("load_corpus", verbosity=0)
    for key, drawing in [
        ("what-is-mesotherapy", "skin-layers"),
        ("session-and-course", "course-timeline"),
    ]:
        article = Article.objects.get(corpus_key=key)
        with translation.override(language):
            response = client.get(article.get_absolute_url())
            title = str(DRAWINGS[drawing]()["title"])
        page = response.content.decode()
        assert f'id="drawing-{drawing}-title">{title}</title>' in page
        # The drawing is inline, a few kilobytes of the page; compressed, the page stays small.
        print(key, language, len(response.content), len(gzip.compress(response.content)))
        assert len(gzip.compress(response.content)) < 30_000


@pytest.mark.django_db
def test_a_picture_on_a_page_is_locked_too(admin_client, make_image, about_page):
    image = make_image()
    about_page.body_en += f"\n\n![x](image:{image.pk})"
    about_page.save()
    page = admin_client.get(reverse("admin:images_image_change", args=[image.pk]))
    assert 'name="alt_en"' not in page.content.decode()
