"""The result survives following its own links (an article, a reason, the footer) and
coming back; a second step away, or any other way out, forgets the answers as before."""

import pytest

from screener.questions import YES

from .helpers import answer_all, state_of, url

pytestmark = pytest.mark.django_db
HOST = "testserver"


@pytest.mark.parametrize(
    "code, shown",
    [("ar", "نتيجتك"), ("en", "Your result")],
)
def test_a_link_followed_from_the_result_keeps_it(client, article, code, shown):
    answer_all(client, {"cancer": YES}, code)
    result = f"http://{HOST}{url('outcome', code)}"
    # The result's "Read more" (an article) and the footer (the home page), then Back.
    for page in (article.get_absolute_url(), f"/{code}/"):
        assert client.get(page, HTTP_REFERER=result).status_code == 200
        assert state_of(client).get("f") is True
        back = client.get(url("outcome", code))
        assert back.status_code == 200 and shown in back.content.decode()


def test_a_second_step_away_forgets_the_answers(client, article):
    answer_all(client, {"cancer": YES}, "en")
    client.get(article.get_absolute_url(), HTTP_REFERER=f"http://{HOST}{url('outcome', 'en')}")
    client.get("/en/", HTTP_REFERER=f"http://{HOST}{article.get_absolute_url()}")
    assert state_of(client).get("answers", {}) == {}


def test_a_result_address_on_another_site_does_not_keep_the_answers(client, article):
    answer_all(client, {"cancer": YES}, "en")
    client.get(
        article.get_absolute_url(), HTTP_REFERER=f"https://evil.example{url('outcome', 'en')}"
    )
    assert state_of(client).get("answers", {}) == {}


@pytest.mark.parametrize(
    "code, said",
    [
        ("ar", "ويمكنك أن تفتح رابطًا في هذه الصفحة ثم تعود إلى نتيجتك"),
        ("en", "You can open a link on this page and come back to this result"),
    ],
)
def test_the_result_says_what_keeps_and_what_clears_the_answers(client, code, said):
    """Review D12: the page promised the answers were cleared on leaving, yet a trip to an
    article and back kept them (by design): it now says exactly that."""
    answer_all(client, {"cancer": YES}, code)
    page = client.get(url("outcome", code)).content.decode()
    assert said in page
    assert {"ar": "أغلقت المتصفح", "en": "closing the browser"}[code] in page
