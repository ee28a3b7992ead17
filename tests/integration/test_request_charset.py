"""A form posted in a charset the site cannot read is refused with a clear 415, on every
form, before the CSRF check (which would otherwise end in a 500)."""

from urllib.parse import urlencode

import pytest
from django.test import Client

from .test_csrf import DATA, TOKEN, addresses, row_counts

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password-42"
# The feedback form carries no CSRF token: its view checks where the post comes from.
SAME_ORIGIN = {"Origin": "http://testserver"}


def csrf_token(response):
    found = TOKEN.search(response.content.decode())
    return found.group(1) if found else ""


@pytest.fixture
def doctor(django_user_model):
    return django_user_model.objects.create_user(
        username="doctor", password=PASSWORD, is_staff=True, is_superuser=True
    )


def post_in(client, action, data, charset, encoding=None, language="en"):
    """POST data encoded in `encoding`, labelled as `charset` (generic() sends bytes as
    they are; post() would re-encode them)."""
    body = urlencode(data).encode(encoding or charset)
    return client.generic(
        "POST",
        action,
        body,
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
        HTTP_ACCEPT_LANGUAGE=language,
    )


@pytest.mark.parametrize(
    "charset", ["utf-16", "utf-32", "latin-1", "no-such-charset", "utf8", "us-ascii"]
)
@pytest.mark.parametrize("name", list(DATA))
def test_a_post_in_an_unreadable_charset_is_refused_on_every_form(name, charset, article, doctor):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False, headers=SAME_ORIGIN)
    page, action = addresses(name, "en", article)
    token = csrf_token(client.get(page))
    before = row_counts()
    encoding = "utf-8" if charset == "no-such-charset" else charset.replace("us-", "")
    response = post_in(
        client, action, DATA[name]() | {"csrfmiddlewaretoken": token}, charset, encoding
    )
    assert response.status_code == 415
    assert "The form could not be read" in response.content.decode()
    assert row_counts() == before


def test_the_refusal_speaks_arabic(article):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    page, action = addresses("article feedback", "ar", article)
    response = post_in(client, action, {"helpful": "no"}, "utf-16", language="ar")
    assert response.status_code == 415
    html = response.content.decode()
    assert "تعذّرت قراءة النموذج" in html and 'lang="ar"' in html


@pytest.mark.parametrize("charset", ["utf-8", "UTF-8", " utf-8"])
def test_utf8_posts_go_through(charset, article):
    client = Client(enforce_csrf_checks=True, headers=SAME_ORIGIN)
    page, action = addresses("article feedback", "en", article)
    token = csrf_token(client.get(page))
    data = {"helpful": "no", "comment": "Too short.", "csrfmiddlewaretoken": token}
    response = post_in(client, action, data, charset, encoding="ascii")
    assert response.status_code == 302
