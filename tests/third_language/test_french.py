"""A third language, French, added in settings alone (tests/settings_french.py) with a
one-article corpus: the home page, the article and the screener render in French, with the
language's own direction, Open Graph locale and alternates, and the loader reads the corpus
without a KeyError."""

from pathlib import Path

import pytest
from django.utils import translation

from content.corpus_loader import load_corpus
from content.models import Article

CORPUS = Path(__file__).resolve().parent / "corpus"

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    added = load_corpus(CORPUS)
    assert added["articles"] == 1
    return Article.objects.get(corpus_key="test-article")


def test_the_home_page_renders_in_french(client, article):
    response = client.get("/fr/")
    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 200
    assert '<html lang="fr" dir="ltr"' in html
    assert "L'article d'essai" in html
    assert 'content="fr_FR"' in html
    assert 'hreflang="fr"' in html and 'hreflang="ar"' in html


def test_the_article_renders_in_french(client, article):
    with translation.override("fr"):
        url = article.get_absolute_url()
    assert url.startswith("/fr/les-bases/")
    html = client.get(url).content.decode()
    assert (
        "Le texte français de l'article." in html or "Le texte français de l&#x27;article." in html
    )
    assert '<html lang="fr" dir="ltr"' in html
    # The Arabic page of the same article links to the French one.
    with translation.override("ar"):
        arabic = client.get(article.get_absolute_url()).content.decode()
    assert f'hreflang="fr" href="http://testserver{url}"' in arabic


def test_the_screener_renders_in_french(client):
    start = client.get("/fr/screener/")
    assert start.status_code == 200
    assert '<html lang="fr" dir="ltr"' in start.content.decode()
    question = client.get("/fr/screener/question/1/")
    assert question.status_code == 200
    assert '<html lang="fr" dir="ltr"' in question.content.decode()


def test_a_corpus_without_the_new_language_is_refused_by_name():
    from content.corpus_loader import CORPUS_DIR, CorpusError

    with pytest.raises(CorpusError, match="'fr'"):
        load_corpus(CORPUS_DIR)  # the site's own corpus has no French yet
