"""Editors' Markdown blocks become the design system's components, in the page's language."""

import re

import pytest
from django.utils import translation

from content.rendering import render_markdown

from .test_rendering import parsed_tags

URGENT = '!!! urgent "Call {emergency_number} now if:"\n    - your face swells\n'


def classes_of(html):
    return [attrs.get("class", "") for _tag, attrs in parsed_tags(html)]


def test_urgent_care_card_has_a_labelled_heading_and_keeps_the_placeholder():
    with translation.override("en"):
        html = render_markdown("## Side effects\n\n" + URGENT)
    assert '<section aria-labelledby="component-1" class="care-card care-card--urgent">' in html
    # Under an h2 the card's heading is an h3, named by its text and read with its urgency.
    assert re.search(
        r'<h3 class="care-card__heading" id="component-1"><span class="visually-hidden">'
        r"Urgent advice: </span>Call \{emergency_number\} now if:</h3>",
        html,
    )
    assert '<div class="care-card__content"><ul>\n<li>your face swells</li>' in html


@pytest.mark.parametrize(
    "language,prefix,default",
    [
        ("ar", "في اليوم نفسه: ", "تواصل مع طبيب اليوم"),
        ("en", "Same-day advice: ", "Contact a doctor today"),
    ],
)
def test_a_card_without_heading_gets_one_in_the_page_language(language, prefix, default):
    with translation.override(language):
        html = render_markdown("!!! same-day\n    Fever after a session.\n")
    assert "care-card--same-day" in html
    assert f'<span class="visually-hidden">{prefix}</span>{default}</h2>' in html
    assert "Same-day</" not in html  # Python-Markdown's English default title is gone


def test_non_urgent_card_warning_callout_and_inset_text():
    with translation.override("en"):
        html = render_markdown(
            '!!! non-urgent "Speak to a doctor if:"\n    Bruises last.\n\n'
            '!!! warning "Not for weight loss"\n    It does not treat obesity.\n\n'
            "!!! inset\n    Bruising is common.\n"
        )
    assert "care-card care-card--non-urgent" in html
    assert re.search(
        r'<section aria-labelledby="component-2" class="callout-warning"><h2 '
        r'class="callout-warning__heading" id="component-2"><span class="visually-hidden">'
        r"Important: </span>Not for weight loss</h2>",
        html,
    )
    assert re.search(
        r'<div class="inset-text"><span class="visually-hidden">Information: </span>'
        r"<p>Bruising is common.</p>",
        html,
    )
    assert "admonition" not in html


def test_tables_scroll_in_a_focusable_labelled_box():
    table = "| A | B |\n|---|---|\n| 1 | 2 |\n"
    with translation.override("ar"):
        html = render_markdown(f"## الأنواع\n\n{table}\n{table}")
    boxes = re.findall(r'<div aria-label="([^"]+)" class="table-wrap" role="region" tabindex="0">'
                       r"<table>", html)  # fmt: skip
    assert boxes == ["جدول: الأنواع", "جدول: الأنواع (2)"]


def test_long_bodies_start_with_on_this_page_from_their_h2_headings():
    body = (
        "## Idea {#idea}\n\nText.\n\n### Detail\n\nMore.\n\n## الأدلة\n\nWeak.\n\n## Risks\n\nSome."
    )
    with translation.override("en"):
        html = render_markdown(body, contents=True)
    nav = html[: html.index("</nav>")]
    assert nav.startswith('<nav class="toc" aria-labelledby="on-this-page">')
    assert '<h2 class="toc__title" id="on-this-page">On this page</h2>' in nav
    assert re.findall(r'<a href="([^"]+)"', nav) == ["#idea", "#الأدلة", "#risks"]
    assert "Detail" not in nav  # h2 only
    assert '<h2 id="idea">Idea</h2>' in html and '<h2 id="الأدلة">الأدلة</h2>' in html
    # A short body, or a body rendered for the search index, has no list.
    assert "toc" not in render_markdown("## One\n\n## Two", contents=True)
    assert "toc" not in render_markdown(body)


def test_editors_cannot_forge_other_classes_roles_or_tab_stops():
    html = render_markdown(
        '<div class="care-card evil" role="button" tabindex="-1">x</div>\n\n'
        '<span class="visually-hidden btn">y</span>'
    )
    assert [c for c in classes_of(html) if c] == ["visually-hidden"]
    assert "role=" not in html and "tabindex" not in html and "evil" not in html


@pytest.mark.django_db
def test_article_page_shows_components_in_arabic(client, make_article):
    article = make_article(
        body_ar="## أ\n\nنص.\n\n## ب\n\n!!! urgent\n    اتصل الآن.\n\n## ج\n\nنص."
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<h2 class="toc__title" id="on-this-page">في هذه الصفحة</h2>' in html
    assert '<span class="visually-hidden">حالة طارئة: </span>اطلب المساعدة فورًا</h3>' in html
