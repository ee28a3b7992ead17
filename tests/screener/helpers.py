"""Helpers for walking the screener through the test client."""

import time

from django.core import signing
from django.urls import reverse
from django.utils import translation

from screener.forms import TOKEN_SALT
from screener.questions import ANSWER_CODES, NO, QUESTION_KEYS


def url(name, language="ar", *args):
    with translation.override(language):
        return reverse(f"screener:{name}", args=args)


def answer_all(client, answers, language="ar"):
    """Answer every question ({key: answer}, No by default), confirm, return the outcome page."""
    client.post(url("start", language))
    for number, key in enumerate(QUESTION_KEYS, start=1):
        response = client.post(
            url("question", language, number), {"answer": ANSWER_CODES[answers.get(key, NO)]}
        )
        assert response.status_code == 302, (key, response.status_code)
    response = client.post(url("check", language))
    assert response.status_code == 302
    return client.get(response["Location"])


def ready_token(seconds_ago=30):
    """A form token issued `seconds_ago`: old enough to pass the minimum fill time."""
    return signing.dumps(
        {"n": f"test-{time.monotonic_ns()}", "t": int(time.time()) - seconds_ago}, salt=TOKEN_SALT
    )


def state_cookie(client):
    from screener.cookie import cookie_name

    morsel = client.cookies.get(cookie_name())
    return morsel.value if morsel is not None else ""


def state_of(client):
    """What the visitor's encrypted screener cookie holds (decrypted with the site's key)."""
    from screener.cookie import unseal
    from screener.state import decode_answers

    value = state_cookie(client)
    if not value:
        return {}
    data = unseal(value)
    return data | {"answers": decode_answers(data.get("a", "--------"))}


def set_state(client, data):
    """Give the browser a screener cookie holding `data`, sealed with the site's key."""
    from screener.cookie import cookie_name, seal

    client.cookies[cookie_name()] = seal(data)
