"""First visit <= 60 KB, the home <= 50 KB: every public page of the real corpus in every
language (all that sitemap.xml lists: home, sections, articles with their option grids,
pages, contact), and the screener's start, first question and longest result, weighed as
benchmarks/run.py weighs them (mesoinfo/page_weight.py): the HTML gzipped, the stylesheets
and scripts it links as the server sends them, and on a page that preloads the web font
every face its stylesheets declare. A size, not a time: the same on every machine."""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from content.models import Article
from mesoinfo import languages
from mesoinfo.page_weight import HOME_LIMIT, LIMIT, describe, first_visit, gzipped_size
from screener.questions import QUESTION_KEYS, YES
from tests.screener.helpers import answer_all


def load(url):
    """A static file a page links: its bytes and its size as sent."""
    path = urlsplit(url).path
    assert path.startswith(settings.STATIC_URL), f"{url} is not one of the site's static files"
    found = finders.find(path.removeprefix(settings.STATIC_URL))
    assert found, f"{url} links a static file that does not exist"
    data = Path(found).read_bytes()
    return data, gzipped_size(data)


def weigh(html):
    return first_visit(html, gzipped_size(html.encode()), load)


def public_pages(client):
    """(address, html) of every page sitemap.xml lists, in every language."""
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<sitemapindex" not in sitemap, "more pages than one sitemap: weigh each section"
    for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap):
        response = client.get(urlsplit(loc).path)
        assert response.status_code == 200, loc
        yield urlsplit(loc).path, response.content.decode()


def screener_pages(code):
    """The screener's start, first question, and the result with every answer Yes (the
    longest: every reason listed), for a new visitor."""
    client = Client()
    with translation.override(code):
        addresses = [reverse("screener:start"), reverse("screener:question", args=[1])]
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        yield address, response.content.decode()
    result = answer_all(client, dict.fromkeys(QUESTION_KEYS, YES), language=code)
    assert result.status_code == 200
    yield result.request["PATH_INFO"], result.content.decode()


@pytest.mark.django_db
def test_every_first_visit_stays_within_the_weight_rule(client, capsys):
    call_command("load_corpus", verbosity=0)
    homes = set()
    for code in languages.codes():
        with translation.override(code):
            homes.add(reverse("content:home"))
    pages = dict(public_pages(client))
    for code in languages.codes():
        pages.update(screener_pages(code))

    weights = {address: weigh(html) for address, html in pages.items()}
    # The corpus, in every language, really was weighed: articles, grids, the Arabic font.
    assert homes <= weights.keys()
    assert any("option-grid" in html for html in pages.values())
    assert any(w["fonts"] for w in weights.values())
    assert any(not w["fonts"] for w in weights.values())
    assert len(weights) > len(languages.codes()) * Article.objects.count()

    heaviest = sorted(weights.items(), key=lambda item: -item[1]["total"])
    with capsys.disabled():
        print(f"\nFirst visit, heaviest of {len(weights)} pages:")
        for address, w in heaviest[:8]:
            print(f"  {describe(w)}  {unquote(address)}")
    over = [
        f"{describe(w)} > {limit // 1024} KB: {unquote(address)}"
        for address, w in heaviest
        if w["total"] > (limit := HOME_LIMIT if address in homes else LIMIT)
    ]
    assert over == [], "\n".join(over)
