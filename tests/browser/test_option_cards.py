"""A type page's options from its grid, as a patient meets them on a 320 px phone in
Arabic: every card opens (no JavaScript needed: <details>), none makes the page scroll
sideways, axe finds nothing, and the HTML is valid; the home page's "Before you decide"
likewise. Screenshots in test-artifacts/."""

import pytest
from django.core.management import call_command

from content.models import Article

from .conftest import ARTIFACTS
from .helpers import url_in
from .test_audits import VNU, axe_violations, nu_checker

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TYPE_PAGES = ("type-body-sculpting", "type-cellulite", "type-pigmentation")
SMALL_PHONE = {"width": 320, "height": 640}


@pytest.fixture
def type_pages(db):
    call_command("load_corpus", verbosity=0)
    return [Article.objects.get(corpus_key=key) for key in TYPE_PAGES]


def test_the_options_open_on_a_small_arabic_phone_without_sideways_scroll(new_page, type_pages):
    page = new_page(viewport=SMALL_PHONE, locale="ar")
    shots = ARTIFACTS / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    for article in type_pages:
        page.goto(url_in("ar", article))
        summaries = page.locator(".option-card > summary")
        count = summaries.count()
        assert count >= 6, article.corpus_key
        page.locator("#side-by-side").scroll_into_view_if_needed()
        page.locator(".option-cards").screenshot(
            path=shots / f"option-cards-{article.corpus_key}-ar-320-closed.png"
        )
        shown = "() => document.querySelector('.option-card dd').checkVisibility()"
        assert page.evaluate(shown) is False, article.corpus_key  # closed on screen
        page.emulate_media(media="print")  # on paper, closed cards print open
        printed = page.evaluate(shown)
        page.emulate_media(media="null")
        assert printed is True, article.corpus_key
        for index in range(count):
            summaries.nth(index).click()  # the browser opens it: no script of ours
        seen = page.evaluate(
            """() => {
              const root = document.documentElement;
              const cards = [...document.querySelectorAll('.option-card')];
              return {
                overflow: root.scrollWidth - root.clientWidth,
                open: cards.filter(card => card.open).length,
                widest: Math.max(...cards.map(card => card.scrollWidth - card.clientWidth)),
                outside: cards.filter(card => {
                  const box = card.getBoundingClientRect();
                  return box.left < 0 || box.right > root.clientWidth;
                }).length,
                direction: getComputedStyle(document.querySelector('.option-card dd')).direction,
              };
            }"""
        )
        assert seen == {
            "overflow": 0,
            "open": count,
            "widest": 0,
            "outside": 0,
            "direction": "rtl",
        }, (article.corpus_key, seen)
        assert axe_violations(page) == [], article.corpus_key
        page.locator(".option-cards").screenshot(
            path=shots / f"option-cards-{article.corpus_key}-ar-320.png"
        )


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_home_pages_before_you_decide_fits_a_small_phone_and_passes_axe(
    new_page, type_pages, language
):
    page = new_page(viewport=SMALL_PHONE, locale=language)
    page.goto(f"/{language}/")
    assert page.locator("#decide-heading").is_visible()
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow == 0
    assert axe_violations(page) == []


def test_the_type_pages_and_home_are_valid_html(client, type_pages, tmp_path):
    assert VNU.exists(), "vnu-jar missing: run `make test` (npm ci in tests/browser)"
    for language in ("ar", "en"):
        keep, check = nu_checker(tmp_path, language)
        files = {}
        for article in type_pages:
            html = client.get(url_in(language, article)).content.decode()
            assert 'class="option-card"' in html
            files[article.corpus_key] = keep(None, article.corpus_key, html)
        files["home"] = keep(None, "home", client.get(f"/{language}/").content.decode())
        assert check(files) == {name: [] for name in files}, language
