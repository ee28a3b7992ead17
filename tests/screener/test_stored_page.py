"""A screener question is stored whole but for its CSRF token (screener/stored_page.py):
each visitor still sees their own answer, error, messages and token, and edits show at once."""

import re

import pytest
from django.core.cache import caches

from screener.stored_page import PLACEHOLDER

from .helpers import url

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


STORED = set()


@pytest.fixture(autouse=True)
def record_stored_pages(monkeypatch):
    """Notes each screener page the local cache is given (through its public `set`)."""
    STORED.clear()
    local = caches["local"]
    local.clear()
    keep = local.set

    def set_and_note(key, *args, **kwargs):
        if key.startswith("screener:page:"):
            STORED.add(key)
        return keep(key, *args, **kwargs)

    monkeypatch.setattr(local, "set", set_and_note)


def stored_pages():
    return sorted(STORED)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_stored_question_still_shows_this_visitors_answer_error_and_token(client, language):
    question = f"/{language}/screener/question/1/"
    client.post(f"/{language}/screener/")  # start
    first = client.get(question).content.decode()
    assert "checked" not in first and "is-invalid" not in first
    client.post(question, {"answer": "y"})
    again = client.get(question + "?return=check").content.decode()
    assert 'value="y" id="id_answer_0" checked' in again
    assert 'name="return" value="check"' in again and "/screener/check/" in again
    client.post(question, {})  # no answer: refused, shown once with its error
    refused = client.get(question)
    assert refused.status_code == 400
    assert 'class="error-summary' in refused.content.decode()
    assert refused.content.decode().count("is-invalid") == 3
    after = client.get(question).content.decode()
    assert "error-summary" not in after and 'value="y" id="id_answer_0" checked' in after
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', first + again + after)
    assert len(tokens) == 3 and len(set(tokens)) == 3  # masked anew on every page


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_stored_page_is_the_rendered_page_with_a_token_that_works(client, language):
    question = url("question", language, 1)
    rendered = client.get(question).content.decode()
    stored = client.get(question).content.decode()
    assert len(stored_pages()) == 1
    assert TOKEN.sub("", rendered) == TOKEN.sub("", stored) and PLACEHOLDER not in stored
    token = TOKEN.search(stored).group(1)
    csrf_client = type(client)(enforce_csrf_checks=True)
    csrf_client.cookies = client.cookies
    response = csrf_client.post(question, {"answer": "n", "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and response["Location"] == url("question", language, 2)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_page_with_a_message_is_shown_with_it_once_and_never_stored(client, language):
    client.get(url("question", language, 1))  # stored without a message
    landed = client.get(url("question", language, 4), follow=True)
    assert landed.redirect_chain[-1][0] == url("question", language, 1)
    assert 'class="site-messages"' in landed.content.decode()
    again = client.get(url("question", language, 1)).content.decode()
    assert 'class="site-messages"' not in again
    assert len(stored_pages()) == 1


def test_a_clinic_edit_gives_the_question_a_new_stored_page(client, clinic_profile, commit):
    question = url("question", "en", 1)
    client.get(question)
    clinic_profile.trade_name_en = "Renamed Clinic"
    with commit():
        clinic_profile.save()
    assert "Renamed Clinic" in client.get(question).content.decode()
    assert len(stored_pages()) == 2


def test_only_the_addresses_the_site_links_to_are_stored(client):
    for query in ("", "?return=check", "?return=result", "?made=up", "?return=check&x=1"):
        html = client.get(url("question", "en", 1) + query).content.decode()
        assert f'href="/ar/screener/question/1/{query.replace("&", "&amp;")}"' in html
    assert len(stored_pages()) == 3  # the question, and the question from check and result
