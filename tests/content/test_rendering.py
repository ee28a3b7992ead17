"""Article bodies are Markdown; whatever staff type, no script reaches a visitor."""

from html.parser import HTMLParser

import pytest

from content.rendering import render_markdown


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def parsed_tags(html):
    collector = TagCollector()
    collector.feed(html)
    return collector.tags


def test_markdown_becomes_html():
    html = render_markdown("## Heading\n\nSome **bold** text.\n\n- one\n- two")
    assert '<h2 id="heading">Heading</h2>' in html
    assert "<strong>bold</strong>" in html
    assert "<li>one</li>" in html


def test_tables_are_kept():
    html = render_markdown("| A | B |\n|---|---|\n| 1 | 2 |")
    assert "<table>" in html and "<th>A</th>" in html and '<td data-label="B">2</td>' in html


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert('x')</script>",
        "<img src=x onerror=alert('x')>",
        "[click](javascript:alert('x'))",
        "<a href=\"javascript:alert('x')\">click</a>",
        '<iframe src="https://evil.example"></iframe>',
        '<p style="background:url(javascript:alert(1))">x</p>',
        "<svg onload=alert(1)>",
    ],
)
def test_dangerous_markup_is_removed(attack):
    html = render_markdown(f"Hello\n\n{attack}\n")
    for tag, attrs in parsed_tags(html):
        assert tag not in {"script", "iframe", "svg", "img", "style"}
        assert not any(name.startswith("on") or name == "style" for name in attrs)
        assert not attrs.get("href", "").lower().startswith("javascript:")
    assert "<script" not in html.lower()


def test_latin_terms_keep_their_language_markup():
    html = render_markdown('دواء <span lang="en" dir="ltr">finasteride</span> معروف.')
    assert '<span lang="en" dir="ltr">finasteride</span>' in html


def test_links_get_safe_rel():
    html = render_markdown("[ASPS](https://www.plasticsurgery.org/)")
    assert 'href="https://www.plasticsurgery.org/"' in html
    assert 'rel="noopener noreferrer"' in html


def test_h1_in_a_body_is_demoted_to_text():
    assert "<h1>" not in render_markdown("# Big title")


@pytest.mark.django_db
def test_script_in_article_body_is_not_rendered_on_the_page(client, make_article):
    article = make_article(body_ar="مرحبا\n\n<script>alert('pwned')</script>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "alert('pwned')" not in html
    assert "مرحبا" in html


def test_headings_can_carry_an_id_for_links_from_other_pages():
    html = render_markdown("### 8. A history of stroke {#stroke}\n\nText.")
    assert '<h3 id="stroke">8. A history of stroke</h3>' in html


def test_attribute_lists_cannot_add_handlers_styles_or_classes():
    html = render_markdown(
        '## Title {: onclick="steal()" style="display:none" class="x" }\n\n'
        'Text {: onmouseover="steal()" }\n\n[link](https://example.org){: onfocus="steal()" }'
    )
    for _tag, attrs in parsed_tags(html):
        assert set(attrs) <= {"id", "href", "rel"}, attrs
