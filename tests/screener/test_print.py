"""A printed outcome says where it came from, how to reach the clinic, and where to read more."""

import re
from pathlib import Path

import pytest
from django.utils import translation

from screener.questions import YES

from .helpers import answer_all

CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "site.css"


def print_rules():
    """[(selectors, declarations)] of every rule inside an @media print block."""
    css = re.sub(r"/\*.*?\*/", "", CSS.read_text(encoding="utf-8"), flags=re.S)
    rules = []
    for match in re.finditer(r"@media\s+print\s*\{", css):
        depth, start = 1, match.end()
        index = start
        while depth:
            depth += {"{": 1, "}": -1}.get(css[index], 0)
            index += 1
        block = css[start : index - 1]
        for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", block):
            rules.append(([s.strip() for s in selectors.split(",")], body))
    return rules


def hidden_in_print():
    return {
        selector
        for selectors, body in print_rules()
        if re.search(r"display\s*:\s*none", body)
        for selector in selectors
    }


def test_print_keeps_the_site_name_and_the_contact_line():
    hidden = hidden_in_print()
    assert hidden, "no print rules found"
    for kept in (".site-header", ".site-name", ".site-footer", ".site-footer .contact", ".contact"):
        assert kept not in hidden, kept
    assert ".outcome-actions" in hidden  # buttons mean nothing on paper


def test_print_writes_out_the_read_more_addresses():
    rules = [
        (selector, body)
        for selectors, body in print_rules()
        for selector in selectors
        if selector.startswith(".outcome ") and selector.endswith("::after")
    ]
    assert rules, "no print rule for the outcome's links"
    selector, body = rules[0]
    attribute = re.search(r"content\s*:[^;]*attr\(([\w-]+)\)", body).group(1)
    assert f"[{attribute}]" in selector


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_outcome_carries_readable_addresses_for_print(client, make_article, language):
    preparing = make_article(corpus_key="preparing")
    page = answer_all(client, {"stroke": YES}, language).content.decode()
    with translation.override(language):
        path = preparing.get_absolute_url()
    link = re.search(
        rf'<ul class="further-reading">.*?<a href="{re.escape(path)}"([^>]*)>', page, re.S
    )
    assert link, page
    readable = re.search(r'data-print-url="([^"]+)"', link.group(1)).group(1)
    slug = getattr(preparing, f"slug_{language}")
    assert readable.startswith("http://testserver/") and readable.endswith(f"/{slug}/")
    assert "%" not in readable
