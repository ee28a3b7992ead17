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
