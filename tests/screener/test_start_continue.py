"""Walk 5, item 15: the start page leads back to a result still kept for this visitor,
without the answers in the address and at one size whether or not there is a result."""

import pytest

from screener.questions import YES

from .helpers import answer_all, url

pytestmark = pytest.mark.django_db

LINK = {"ar": "تابع إلى نتيجتك", "en": "Continue to your result"}


@pytest.mark.parametrize("code", list(LINK))
def test_the_start_page_links_back_to_a_kept_result(client, code):
    answer_all(client, {"cancer": YES}, code)
    html = client.get(url("start", code)).content.decode()
    assert LINK[code] in html
    assert f'href="{url("outcome", code)}"' in html


@pytest.mark.parametrize("code", list(LINK))
def test_no_link_before_a_result(client, code):
    assert LINK[code] not in client.get(url("start", code)).content.decode()
    client.post(url("start", code))  # started, nothing answered: no result yet
    assert LINK[code] not in client.get(url("start", code)).content.decode()


@pytest.mark.parametrize("code", list(LINK))
@pytest.mark.parametrize("answers", [{}, {"cancer": YES}])
def test_the_start_page_is_one_size_with_or_without_a_result(client, code, answers):
    from django.test import Client

    fresh = Client().get(url("start", code))
    answer_all(client, answers, code)
    with_result = client.get(url("start", code))
    assert LINK[code] in with_result.content.decode()
    # The CSRF token and nonce are the same length in both; the page is the same size.
    assert len(with_result.content) == len(fresh.content)


@pytest.mark.parametrize("code", list(LINK))
def test_the_link_sits_in_a_part_of_one_size(code, rf):
    """Without the middleware's page buckets: the template alone is one size either way."""
    from django.template.loader import get_template
    from django.utils import translation

    from screener.questions import TOTAL

    template = get_template("screener/start.html")
    sizes = []
    with translation.override(code):
        for has_result in (False, True):
            request = rf.get(url("start", code))
            html = template.render({"total": TOTAL, "has_result": has_result}, request)
            sizes.append(len(html.encode()))
            assert (LINK[code] in html) is has_result
    assert sizes[0] == sizes[1]
