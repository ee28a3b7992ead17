"""The option grids as a patient meets them: cards on a 320 px phone, a table on a desktop,
one A4 page on paper, no accessibility faults, and "What matters to me" answers that no
request ever carries."""

import re

import pytest
from django.core.management import call_command

from content.models import Article

from .conftest import DESKTOP
from .helpers import url_in
from .test_audits import VNU, axe_violations, nu_checker

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

GRIDS = (
    "options-local-fat",
    "options-cellulite",
    "options-hair-loss",
    "options-pigmentation-dull-skin",
)
SMALL_PHONE = {"width": 320, "height": 640}


@pytest.fixture
def grids(db):
    call_command("load_corpus", verbosity=0)
    return [Article.objects.get(corpus_key=key) for key in GRIDS]


def layout(page):
    return page.evaluate(
        """() => {
          const row = document.querySelector('.option-grid tbody tr');
          const cell = row.querySelectorAll('td')[1];
          return {
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            row: getComputedStyle(row).display,
            label: getComputedStyle(cell, '::before').content,
            dataLabel: cell.dataset.label,
            headVisible:
              document.querySelector('.option-grid thead').getBoundingClientRect().height > 1,
          };
        }"""
    )


@pytest.mark.parametrize("language", ["ar", "en"])
def test_grids_are_cards_on_a_small_phone_and_a_table_on_a_desktop(new_page, grids, language):
    phone, desktop = new_page(viewport=SMALL_PHONE), new_page(viewport=DESKTOP)
    for article in grids:
        url = url_in(language, article)
        phone.goto(url)
        seen = layout(phone)
        assert seen["overflow"] <= 0, (url, seen)  # no sideways scroll
        assert seen["row"] == "block" and not seen["headVisible"], (url, seen)
        assert seen["dataLabel"] and seen["dataLabel"] in seen["label"], (url, seen)
        assert axe_violations(phone) == [], url
        desktop.goto(url)
        seen = layout(desktop)
        assert seen["overflow"] <= 0, (url, seen)
        assert seen["row"] == "table-row" and seen["headVisible"], (url, seen)
        assert axe_violations(desktop) == [], url


def pdf_pages(pdf):
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


@pytest.mark.parametrize("language", ["ar", "en"])
def test_each_grid_prints_on_one_a4_page_with_the_patients_answers(new_page, grids, language):
    page = new_page(viewport=DESKTOP)
    for article in grids:
        page.goto(url_in(language, article))
        page.locator("#values-cost-3").check()
        page.fill("#values-expect", "Smaller waist by summer")
        pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
        assert pdf_pages(pdf) == 1, (article.corpus_key, language, pdf_pages(pdf))
        page.emulate_media(media="print")
        printed = page.evaluate(
            """() => ({
              table:
                document.querySelector('.option-grid table').getBoundingClientRect().height > 0,
              values: document.querySelector('.values').getBoundingClientRect().height > 0,
              checked: document.querySelector('#values-cost-3').checked,
              footer: document.querySelector('.site-footer').getBoundingClientRect().height,
            })"""
        )
        page.emulate_media(media="null")
        assert printed == {"table": True, "values": True, "checked": True, "footer": 0}


def test_no_request_carries_the_answers_while_the_patient_fills_them_in_and_prints(new_page, grids):
    page = new_page(viewport=SMALL_PHONE)
    page.goto(url_in("ar", grids[0]))
    page.wait_for_load_state("networkidle")
    sent = []
    page.on("request", lambda request: sent.append(request))
    secret = "أتوقع خصرًا أنحف قبل الصيف SECRET-1234"
    for name in ("downtime", "needles", "cost", "permanence", "scarring", "evidence"):
        page.locator(f"#values-{name}-3").check()
    page.fill("#values-expect", secret)
    page.locator("#values-expect").press("Enter")
    page.locator("#values-cost-2").press("Enter")  # no form: nothing to submit
    page.emulate_media(media="print")
    page.pdf(format="A4", prefer_css_page_size=True)
    page.evaluate("() => window.print()")
    page.emulate_media(media="null")
    page.wait_for_timeout(500)
    page.wait_for_load_state("networkidle")
    carried = [
        request.url
        for request in sent
        if "SECRET" in request.url
        or "values-" in request.url
        or (request.post_data or "").find("SECRET") >= 0
        or "values-" in (request.post_data or "")
    ]
    assert carried == []
    assert [request.url for request in sent if request.method != "GET"] == []
    assert page.evaluate("() => document.cookie.includes('SECRET')") is False
    assert page.evaluate("() => localStorage.length + sessionStorage.length") == 0
    assert page.locator("#values-expect").input_value().strip() == secret  # only in the page


def test_grid_pages_are_valid_html(client, grids, tmp_path):
    assert VNU.exists(), "vnu-jar missing: run `make test` (npm ci in tests/browser)"
    for language in ("ar", "en"):
        keep, check = nu_checker(tmp_path, language)
        files = {}
        for article in grids:
            html = client.get(url_in(language, article)).content.decode()
            files[article.corpus_key] = keep(None, article.corpus_key, html)
        assert check(files) == {name: [] for name in files}, language
