"""The results pages each process keeps (search/cache.py): no query text in a key or a log,
forgotten when anything is published, per language, never one visitor's own."""

import logging

import pytest
from django.utils import translation

from search import cache


@pytest.fixture
def production(settings, monkeypatch):
    """DEBUG off, as the server runs (with DEBUG on the cache is off, like the chrome's);
    the keys stored, as the cache was given them, in STORED."""
    settings.DEBUG = False
    cache.forget()
    STORED.clear()
    store = cache.results_pages.set

    def recording(key, value, *args, **kwargs):
        STORED.append(key)
        return store(key, value, *args, **kwargs)

    monkeypatch.setattr(cache.results_pages, "set", recording)
    yield settings
    cache.forget()


STORED = []


@pytest.fixture
def hair(make_article):
    return make_article(
        title_ar="تساقط الشعر",
        title_en="Hair loss",
        body_ar="## العلاج\n\nتُستعمل الميزوثيرابي لتساقط الشعر.",
        body_en="## Treatment\n\nMesotherapy is used for hair loss.",
    )


def stored_keys():
    return [key for key in dict.fromkeys(STORED) if cache.results_pages.has_key(key)]


def test_a_query_asked_again_is_served_stored_without_a_query(
    client, production, hair, django_assert_num_queries
):
    first = client.get("/en/search/", {"q": "hair loss"})
    with django_assert_num_queries(0):
        again = client.get("/en/search/", {"q": "hair loss"})
    assert again.status_code == 200
    assert again.content == first.content
    assert "Hair loss" in again.content.decode()
    assert again["X-Robots-Tag"] == "noindex"


def test_no_query_text_in_a_key_nor_in_any_log(client, production, hair, caplog):
    queries = ["hair loss", "تساقط الشعر", "secretword"]
    with caplog.at_level(logging.DEBUG):
        for language, query in [("en", queries[0]), ("ar", queries[1]), ("en", queries[2])]:
            client.get(f"/{language}/search/", {"q": query})
            client.get(f"/{language}/search/", {"q": query})
    keys = stored_keys()
    assert len(keys) == 3
    logged = caplog.text + " ".join(record.getMessage() for record in caplog.records)
    for query in queries:
        for word in query.split():
            assert all(word not in key for key in keys)
            assert word not in logged
    # A keyed hash: the same query hashed without the site's secret is not the key.
    import hashlib

    assert all(hashlib.sha256(q.encode()).hexdigest()[:40] not in " ".join(keys) for q in queries)


def test_publishing_an_article_forgets_the_stored_results(client, production, hair, make_article):
    assert "Scalp care" not in client.get("/en/search/", {"q": "hair loss"}).content.decode()
    make_article(title_ar="العناية بفروة الرأس", title_en="Scalp care", body_en="For hair loss.")
    html = client.get("/en/search/", {"q": "hair loss"}).content.decode()
    assert "Scalp care" in html


def test_an_edit_forgets_the_stored_results(client, production, hair, commit):
    client.get("/en/search/", {"q": "hair loss"})
    with commit():
        hair.title_en = "Losing hair"
        hair.save()
    assert "Losing hair" in client.get("/en/search/", {"q": "hair loss"}).content.decode()


def test_each_language_has_its_own_stored_page(client, production, hair):
    english = client.get("/en/search/", {"q": "hair"}).content.decode()
    arabic = client.get("/ar/search/", {"q": "hair"}).content.decode()
    assert 'lang="en"' in english and 'lang="ar"' in arabic
    with translation.override("ar"):
        arabic_again = client.get("/ar/search/", {"q": "hair"}).content.decode()
    assert arabic_again == arabic
    assert len(stored_keys()) == 2


def test_staff_and_other_addresses_are_never_stored(client, production, hair, editor):
    client.get("/en/search/", {"q": "hair  loss"})  # two spaces: not the normalised address
    client.get("/en/search/", {"q": "hair", "page": "2"})
    assert stored_keys() == []
    client.force_login(editor)
    client.get("/en/search/", {"q": "hair loss"})
    assert stored_keys() == []


def test_the_query_is_shown_normalised(client, production, hair):
    html = client.get("/en/search/", {"q": "  hair   loss "}).content.decode()
    assert "<title>Search: hair loss" in html
    assert "Hair loss" in html
    assert stored_keys() == []  # the page shows the address's own text: not shared


def test_a_new_synonym_forgets_the_stored_results(client, production, hair, commit):
    from search.models import Synonym

    assert "Hair loss" not in client.get("/en/search/", {"q": "xqzvw"}).content.decode()
    with commit():
        Synonym.objects.create(language="en", term="xqzvw", matches="hair loss")
    assert "Hair loss" in client.get("/en/search/", {"q": "xqzvw"}).content.decode()
