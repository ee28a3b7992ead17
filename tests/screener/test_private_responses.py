"""Every screener response, pages and errors alike, is kept out of caches and search engines."""

import html

import pytest
from django.test import Client

from screener.questions import ANSWER_CODES, NO, QUESTION_KEYS, YES

from .helpers import answer_all, ready_token, url

pytestmark = pytest.mark.django_db


def assert_private(response):
    assert "no-store" in response.get("Cache-Control", ""), response.status_code
    assert "noindex" in response.get("X-Robots-Tag", ""), response.status_code


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_screener_page_is_private(client, consultation_data, language):
    client.post(url("start", language))
    pages = []
    for number in range(1, len(QUESTION_KEYS) + 1):
        pages.append(client.get(url("question", language, number)))
        client.post(url("question", language, number), {"answer": ANSWER_CODES[NO]})
    pages.append(client.get(url("check", language)))
    pages.append(answer_all(client, {"stroke": YES}, language))
    pages.append(client.get(url("consultation", language)))
    sent = client.post(url("consultation", language), consultation_data, follow=True)
    pages.append(sent)
    for response in pages:
        assert response.status_code == 200
        assert_private(response)
    assert sent.redirect_chain[-1][0] == url("consultation_sent", language)


def test_refusals_are_private(client, consultation_data, settings):
    client.post(url("start", "en"))
    assert_private(client.post(url("question", "en", 1), {"answer": "maybe"}))

    bad = client.post(url("consultation", "en"), consultation_data | {"phone": "x"}, follow=True)
    assert bad.status_code == 400
    assert_private(bad)

    from django.test import Client

    settings.CONSULTATION_RATE_LIMIT = "1/h"
    assert Client().post(url("consultation", "en"), consultation_data).status_code == 302
    limited = client.post(
        url("consultation", "en"), consultation_data | {"token": ready_token()}, follow=True
    )
    assert limited.status_code == 429
    assert_private(limited)


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("path", ["no-such-page/", "question/abc/", "result/extra/"])
def test_a_missing_screener_page_is_private(client, language, path):
    response = client.get(f"/{language}/screener/{path}")
    assert response.status_code == 404
    assert_private(response)
    assert '<meta name="robots" content="noindex' in response.content.decode()


def test_start_again_by_get_redirects_to_the_start_page(client):
    response = client.get(url("restart", "ar"))
    assert response.status_code == 302
    assert response["Location"] == url("start", "ar")
    assert_private(response)


def test_other_pages_are_not_made_private(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "X-Robots-Tag" not in response


CSRF_MESSAGE = {
    "en": (
        "This form expired or could not be checked. Go back, reload the page and send it again."
    ),
    "ar": (
        "انتهت صلاحية هذا النموذج أو تعذّر التحقق منه. "
        "ارجع إلى الصفحة السابقة، وأعد تحميلها، ثم أرسله مرة أخرى."
    ),
}


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize(
    ("name", "args", "data"),
    [
        ("consultation", (), {"name": "ليلى"}),
        ("question", (1,), {"answer": ANSWER_CODES[NO]}),
    ],
)
def test_a_failed_csrf_check_explains_itself_in_the_visitors_language(language, name, args, data):
    client = Client(enforce_csrf_checks=True)
    client.get(url("start", language))
    form_url = url(name, language, *args)
    response = client.post(form_url, data, HTTP_REFERER=f"http://testserver{form_url}")
    assert response.status_code == 403
    assert_private(response)
    page = html.unescape(response.content.decode())
    assert f'<html lang="{language}"' in page
    assert CSRF_MESSAGE[language] in page
    assert f'href="{form_url}"' in page
    assert '<meta name="robots" content="noindex' in page


def test_a_failed_csrf_check_never_links_to_another_site(client):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        url("consultation", "en"), {}, HTTP_REFERER="https://evil.example/en/screener/"
    )
    assert response.status_code == 403
    page = response.content.decode()
    assert "evil.example" not in page
    assert 'href="/en/"' in page


@pytest.mark.parametrize(
    "referer",
    [
        "http://testserver/\\evil.example/",
        "http://testserver/\\\\evil.example/",
        "http://testserver//evil.example/",
        "http://testserver/\\/evil.example/",
    ],
)
def test_a_failed_csrf_check_never_links_to_another_site_through_this_one(referer):
    """The path after the host is a link of its own: "/\\evil.example" is another site."""
    client = Client(enforce_csrf_checks=True)
    response = client.post(url("consultation", "en"), {}, HTTP_REFERER=referer)
    assert response.status_code == 403
    page = response.content.decode()
    assert "evil.example" not in page
    assert 'href="/en/"' in page


def test_screener_responses_are_private_when_the_site_runs_under_a_prefix(client):
    from django.urls import set_script_prefix

    from screener.middleware import screener_prefixes

    screener_prefixes.cache_clear()
    set_script_prefix("/site/")  # as the WSGI handler does for SCRIPT_NAME
    try:
        missing = client.get("/en/screener/no-such-page/", SCRIPT_NAME="/site")
        start = client.get("/en/screener/", SCRIPT_NAME="/site")
    finally:
        screener_prefixes.cache_clear()
        set_script_prefix("/")
    assert missing.status_code == 404 and start.status_code == 200
    assert_private(missing)
    assert_private(start)
