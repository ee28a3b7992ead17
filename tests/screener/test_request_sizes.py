"""Every answer form's body has one length whatever the answer: built here exactly as a
browser builds it from the page it was given (the form's fields in document order, the
chosen radio only, application/x-www-form-urlencoded), then sent."""

from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.test import Client

from screener.padding import BODY_LENGTH
from screener.questions import TOTAL

from .helpers import url

pytestmark = pytest.mark.django_db


class AnswerFormParser(HTMLParser):
    """The fields of the page's answer form (the one with the radios)."""

    def __init__(self):
        super().__init__()
        self.forms, self.current = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self.current = []
        elif tag == "input" and self.current is not None and attrs.get("name"):
            self.current.append(attrs)

    def handle_endtag(self, tag):
        if tag == "form" and self.current is not None:
            self.forms.append(self.current)
            self.current = None


def answer_form(page):
    parser = AnswerFormParser()
    parser.feed(page.content.decode())
    (fields,) = [f for f in parser.forms if any(i.get("type") == "radio" for i in f)]
    return fields


def bodies(page):
    """{answer code: the body a browser sends for that answer}, from the rendered form."""
    fields = answer_form(page)
    choices = [i["value"] for i in fields if i.get("type") == "radio"]
    result = {}
    for choice in choices:
        pairs = []
        for field in fields:
            if field.get("type") == "radio":
                if field["value"] == choice:
                    pairs.append((field["name"], field["value"]))
            elif field.get("type") in ("hidden", None, "text"):
                pairs.append((field["name"], field.get("value", "")))
        result[choice] = urlencode(pairs)
    return result


def send(client, address, body):
    response = client.post(address, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 302, response.status_code
    return response


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_answer_to_every_question_sends_a_body_of_one_length(language):
    client = Client(enforce_csrf_checks=True)
    start = client.get(url("start", language))
    send(client, url("start", language), urlencode({"csrfmiddlewaretoken": token_of(start)}))
    lengths, answered = {}, 0
    # Straight through, then each question again from the check page and from the result.
    for back_to in (None, "check", "result"):
        if back_to == "result":
            check = client.get(url("check", language))
            token = token_of(check)
            send(client, url("check", language), urlencode({"csrfmiddlewaretoken": token}))
        for number in range(1, TOTAL + 1):
            address = url("question", language, number)
            page = client.get(f"{address}?return={back_to}" if back_to else address)
            assert page.status_code == 200
            sent = bodies(page)
            assert len(sent) == 3
            for code in ("y", "u", "n"):  # each answer sent, No last to go on
                lengths[(back_to, number, code)] = len(sent[code].encode())
                send(client, address, sent[code])
                answered += 1
    assert answered == 3 * 3 * TOTAL
    assert set(lengths.values()) == {BODY_LENGTH}, lengths


def token_of(page):
    marker = 'name="csrfmiddlewaretoken" value="'
    text = page.content.decode()
    start = text.index(marker) + len(marker)
    return text[start : text.index('"', start)]


@pytest.mark.parametrize("code", ["y", "n", "u"])
def test_each_answer_code_is_taken_as_its_answer(client, code):
    from screener.questions import ANSWER_CODES

    from .helpers import state_of

    client.post(url("start", "en"))
    body = bodies(client.get(url("question", "en", 1)))[code]
    send(client, url("question", "en", 1), body)
    answer = {c: a for a, c in ANSWER_CODES.items()}[code]
    assert state_of(client)["answers"] == {"pregnancy": answer}
