"""A patient searches as patients write: a misspelling, a lay word, the other language."""

import pytest

from search.models import Synonym

from .conftest import ARTIFACTS, DESKTOP

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
NARROW = {"width": 320, "height": 700}


@pytest.fixture
def pages(site, make_article):
    cellulite = make_article(
        title_ar="الميزوثيرابي لعلاج السيلوليت",
        title_en="Mesotherapy for cellulite",
        slug_ar="السيلوليت",
        slug_en="cellulite",
        body_ar="## الجلد المتنقّر\n\nيظهر السيلوليت على الفخذين.",
        body_en="## Dimpled skin\n\nCellulite shows on the thighs.",
    )
    Synonym.objects.update_or_create(language="ar", term="تخسيس", defaults={"matches": "السيلوليت"})
    return {**site, "cellulite": cellulite}


def search_from_header(page, query):
    page.fill("#site-search-q", query)
    with page.expect_navigation():
        page.press("#site-search-q", "Enter")


@pytest.mark.parametrize("viewport", [NARROW, DESKTOP], ids=["320px", "1280px"])
def test_an_arabic_patient_misspells_and_still_finds_the_page(new_page, pages, viewport):
    page = new_page(viewport=viewport)
    page.goto("/ar/")
    search_from_header(page, "سليوليت")
    assert "/ar/search/" in page.url
    assert "وهذه نتائج البحث عن" in page.locator(".search-suggestion").inner_text()
    assert page.locator(".search-suggestion a").inner_text() == "السيلوليت"
    first = page.locator(".search-results li h2 a").first
    assert first.inner_text() == pages["cellulite"].title_ar
    assert page.locator(".search-results mark").first.inner_text() == "السيلوليت"
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=folder / f"search-ar-misspelt-{viewport['width']}.png", full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"]


def test_a_lay_word_and_a_query_in_the_other_language(page, pages):
    page.goto("/ar/search/?q=" + "تخسيس")
    assert page.locator(".search-results li h2 a").first.inner_text() == pages["cellulite"].title_ar
    page.goto("/ar/search/?q=cellulite")
    hint = page.locator(".search-other-language")
    assert "باللغة الإنجليزية" in hint.inner_text()
    with page.expect_navigation():
        hint.locator("a").click()
    assert page.url.endswith("/en/search/?q=cellulite")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".search-results li h2 a").first.inner_text() == "Mesotherapy for cellulite"
