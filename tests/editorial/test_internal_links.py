"""Links to articles by id: the editor's link dialog finds them, the page follows a
changed slug, and a link to an article not on the site leaves its text only."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import translation

from content.internal_links import resolve_article_links
from content.models import Article
from content.rendering import render_markdown

pytestmark = pytest.mark.django_db


def test_a_link_by_id_follows_the_articles_new_slug(make_article):
    target = make_article(slug_en="old-address", slug_ar="عنوان-قديم")
    text = f"See [the cost](article:{target.pk}#prices)."
    assert 'href="/en/basics/old-address/#prices"' in render_markdown(text, "en")
    Article.objects.filter(pk=target.pk).update(slug_en="new-address")
    html = render_markdown(text, "en")
    assert 'href="/en/basics/new-address/#prices"' in html and "old-address" not in html
    with translation.override("ar"):
        arabic = render_markdown(text, "ar")
    assert 'href="/ar/' in arabic and "#prices" in arabic


def test_a_link_to_an_article_off_the_site_keeps_only_its_text(make_article):
    draft = make_article(status=Article.Status.DRAFT)
    assert resolve_article_links(f"[a draft](article:{draft.pk}) and [gone](article:999)") == (
        "a draft and gone"
    )


@pytest.mark.parametrize("code", ["ar", "en"])
def test_the_link_dialog_finds_published_articles_by_title(client, editor, make_article, code):
    wanted = make_article(title_en="What does a session cost?", title_ar="كم تكلفة الجلسة؟")
    make_article(title_en="Aftercare", title_ar="العناية بعد الجلسة")
    make_article(status=Article.Status.DRAFT, title_en="Cost draft", title_ar="مسودة التكلفة")
    client.force_login(editor)
    url = reverse("admin:content_article_link_search")
    word = {"ar": "تكلفة", "en": "cost"}[code]
    results = client.get(url, {"q": word, "lang": code}).json()["results"]
    assert [r["id"] for r in results] == [wanted.pk]
    assert results[0]["title"] == getattr(wanted, f"title_{code}")
    client.logout()
    assert client.get(url, {"q": word}).status_code == 302  # staff only


def test_the_body_editor_knows_where_to_search(client, editor, article):
    client.force_login(editor)
    html = client.get(reverse("admin:content_article_change", args=[article.pk])).content
    assert b'data-link-search-url="/admin/content/article/link-search/"' in html


def test_the_previews_language_switch_stays_in_the_preview(client, editor, article):
    client.force_login(editor)
    revision = article.live_revision_id
    url = reverse("admin:content_article_preview_page", args=[article.pk, revision, "ar"])
    html = client.get(url).content.decode()
    english = reverse("admin:content_article_preview_page", args=[article.pk, revision, "en"])
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)[0]
    href = unescape(re.search(r'href="([^"]+)" lang="en"', nav)[1])
    assert parse_qs(urlsplit(href).query)["next"] == [english]
    with translation.override("en"):
        assert f'href="{article.get_absolute_url()}"' not in html


def test_a_picture_in_the_body_gets_advice_that_fits(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("body_preview"),
        {"text": "![Skin layers](https://example.org/skin.png)", "language": "en"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    warnings = response.json()["warnings"]
    assert any("Insert pictures from the site's image library" in w for w in warnings)
    assert not any("**bold**" in w for w in warnings)
