"""The "About this site" page: who runs the site, who reviews it, privacy, contact."""

import pytest
from django.utils import translation

from content.corpus_loader import CORPUS_DIR, load_pages
from content.models import Page

pytestmark = pytest.mark.django_db


def main_part(response):
    """The page's own content: header and footer say some of the same words on every page."""
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_english_about_page_states_what_a_reader_must_know(
    client, about_page, settings, clinic_profile
):
    settings.CONSULTATION_RETENTION_DAYS = 90
    response = client.get("/en/about/")
    html = main_part(response)
    assert response.status_code == 200
    assert "<h1>About this site</h1>" in html
    for needle in [
        "run by a medical clinic that offers mesotherapy",
        "conflict of",
        "medical reviewer",
        "no advertising",
        "never stored on our server",
        "after 90 days",
        '<span dir="ltr"><a href="mailto:contact@clinic.example"',
        'href="/en/screener/consultation/"',
    ]:
        assert needle in html, needle
    assert "{retention_days}" not in html and "{contact_email}" not in html


def test_arabic_about_page(client, about_page, settings, clinic_profile):
    settings.CONSULTATION_RETENTION_DAYS = 90
    html = main_part(client.get("/ar/about/"))
    assert "<h1>عن هذا الموقع</h1>" in html
    for needle in [
        "مركزٌ طبي يقدّم علاج الميزوثيرابي",
        "تضارب المصالح",
        "طبيب مرخّص",
        "لا يعرض هذا الموقع أي إعلانات",
        "لا تُحفظ أبدًا",
        "بعد 90 يومًا",
        '<span dir="ltr"><a href="mailto:contact@clinic.example"',
        'href="/ar/screener/consultation/"',
    ]:
        assert needle in html, needle


def test_about_page_is_linked_from_every_footer_and_has_alternates(client, about_page, article):
    for url in ["/ar/", article.get_absolute_url()]:
        assert '<a href="/ar/about/">عن هذا الموقع</a>' in client.get(url).content.decode()
    html = client.get("/en/").content.decode()
    assert '<a href="/en/about/">About this site</a>' in html
    about = client.get("/ar/about/").content.decode()
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/about/">' in about


def test_page_slug_address_leads_to_the_about_address(client, about_page):
    with translation.override("en"):
        response = client.get(f"/en/page/{about_page.slug_en}/")
    assert response.status_code == 301 and response["Location"] == "/en/about/"


def test_other_pages_live_under_their_slug(client):
    page = Page.objects.create(
        title_ar="صفحة", title_en="A page", slug_ar="صفحة", slug_en="a-page", body_en="Text."
    )
    with translation.override("en"):
        assert page.get_absolute_url() == "/en/page/a-page/"
        assert "<p>Text.</p>" in client.get("/en/page/a-page/").content.decode()
    assert client.get("/en/page/missing/").status_code == 404


def test_missing_about_page_is_404_not_an_error(client, db):
    assert client.get("/en/about/").status_code == 404


def test_loader_adds_the_about_page_once_and_keeps_staff_edits(about_page):
    about_page.title_en = "About us (edited)"
    about_page.save()
    assert load_pages(CORPUS_DIR / "pages") == 0
    about_page.refresh_from_db()
    assert about_page.title_en == "About us (edited)"
    about_page.delete()  # a page staff deleted is not brought back
    assert load_pages(CORPUS_DIR / "pages") == 0
    Page.history.filter(corpus_key=about_page.corpus_key).delete()  # no trace left
    assert load_pages(CORPUS_DIR / "pages") == 1


def test_arabic_about_text_keeps_latin_words_in_marked_spans():
    import re

    text = (CORPUS_DIR / "pages" / "ar" / "about.md").read_text(encoding="utf-8")
    body = text.split("---", 2)[2]
    outside_spans = re.sub(r'<span lang="en" dir="ltr">.*?</span>', "", body)
    outside_spans = re.sub(r"\{\w+\}|\]\([^)]*\)", "", outside_spans)  # placeholders, links
    assert not re.search(r"[A-Za-z]", outside_spans)
