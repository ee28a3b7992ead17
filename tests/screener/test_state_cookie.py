"""The screener's state cookie: unreadable without the key, tamper-evident, one hour, and
pages whose size does not tell the answers (issue 18)."""

import base64
import contextlib
import itertools
import zlib

import pytest

from screener import cookie
from screener.questions import ANSWER_CODES, NO, NOT_SURE, QUESTION_KEYS, YES

from .helpers import answer_all, state_cookie, state_of, url

pytestmark = pytest.mark.django_db

LOST = "Your answers could not be found"


def answer_some(client, answers):
    client.post(url("start", "en"))
    for number, key in enumerate(QUESTION_KEYS, start=1):
        if key in answers:
            client.post(url("question", "en", number), {"answer": ANSWER_CODES[answers[key]]})


def test_the_cookie_reveals_nothing_without_the_key(client):
    answer_all(client, {"pregnancy": YES, "stroke": NOT_SURE}, "en")
    value = state_cookie(client)
    raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    readings = [raw, value.encode()]
    for start in range(len(raw)):  # zlib anywhere in it would be found
        with contextlib.suppress(zlib.error):
            readings.append(zlib.decompress(raw[start:]))
    for reading in readings:
        # Words of four letters or more: random ciphertext holds short runs such as "yn"
        # by chance (the base64 text in about one run in seven).
        for word in (b"not_sure", b"pregnancy", b"stroke", b"answers"):
            assert word not in reading.lower()
    assert state_of(client)["answers"]["pregnancy"] == YES  # the site itself can read it


def test_another_key_cannot_open_it_but_a_fallback_key_can(client, settings):
    answer_some(client, {"pregnancy": YES})
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY = "another-secret-" + "x" * 50
    with pytest.raises(cookie.Unreadable):
        cookie.unseal(state_cookie(client))
    settings.SECRET_KEY_FALLBACKS = [old_key]  # rotation: the old key still opens it
    assert cookie.unseal(state_cookie(client))["a"].startswith("y")
    response = client.get(url("question", "en", 2))
    assert response.status_code == 200  # the answers survived the rotation


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_tampered_cookie_says_the_answers_were_lost(client, language):
    answer_some(client, {"pregnancy": YES, "insulin_diabetes": NO})
    value = state_cookie(client)
    flipped = value[:40] + ("A" if value[40] != "A" else "B") + value[41:]
    client.cookies[cookie.cookie_name()] = flipped
    response = client.get(url("check", language), follow=True)
    assert response.redirect_chain[-1][0] == url("question", language, 1)
    page = response.content.decode()
    assert (LOST in page) if language == "en" else ("تعذّر العثور على إجاباتك" in page)
    assert client.cookies[cookie.cookie_name()].value == ""  # and the bad cookie is gone


def test_the_hour_is_inside_the_cookie(client, settings):
    answer_some(client, {"pregnancy": YES})
    settings.SCREENER_TIMEOUT = -1
    response = client.get(url("question", "en", 2), follow=True)
    assert "some time has passed" in response.content.decode()
    assert state_of(client).get("answers", {}) == {}


def test_deleting_the_cookie_uses_the_flags_it_was_set_with(client, article):
    answer_some(client, {"pregnancy": YES})
    set_with = client.cookies[cookie.cookie_name()]
    response = client.get(article.get_absolute_url())
    client.post(url("restart", "en"))
    response = client.post(url("restart", "en"))
    deleted = response.cookies.get(cookie.cookie_name()) or client.cookies[cookie.cookie_name()]
    for flag in ("path", "secure", "httponly", "samesite", "domain"):
        assert deleted[flag] == set_with[flag], flag


def test_secure_cookies_get_the_host_prefix(client, settings):
    settings.SESSION_COOKIE_SECURE = True
    response = client.post(url("start", "en"), secure=True)
    client.post(url("question", "en", 1), {"answer": ANSWER_CODES[YES]}, secure=True)
    morsel = client.cookies["__Host-screener"]
    assert morsel["secure"] and morsel["path"] == "/" and not morsel["domain"]
    assert response.status_code == 302


def test_an_anonymous_visitor_never_gets_a_session(client):
    answer_all(client, {"stroke": YES}, "en")
    client.get(url("consultation", "en"))
    assert "sessionid" not in client.cookies


ANSWER_SETS = [
    {},
    dict.fromkeys(QUESTION_KEYS, YES),
    dict.fromkeys(QUESTION_KEYS, NOT_SURE),
    {"pregnancy": YES},
    {"stroke": NOT_SURE, "cancer": YES},
    dict(zip(QUESTION_KEYS, itertools.cycle([YES, NO, NOT_SURE]), strict=False)),
]


@pytest.mark.parametrize("page", ["check", "outcome", "outcome_print"])
def test_page_sizes_do_not_depend_on_the_answers(client, make_article, page):
    for key in ("who-should-not-have-it", "preparing", "side-effects", "evidence"):
        make_article(corpus_key=key)
    sizes, cookies = set(), set()
    for answers in ANSWER_SETS:
        client.cookies.clear()
        answer_some(client, {key: answers.get(key, NO) for key in QUESTION_KEYS})
        if page != "check":
            client.post(url("check", "en"))
        response = client.get(url(page, "en"))
        assert response.status_code == 200
        sizes.add(len(response.content))
        cookies.add(len(state_cookie(client)))
    assert len(sizes) == 1, sizes
    assert len(cookies) == 1, cookies
