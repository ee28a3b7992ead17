"""Property-based tests: whatever a visitor sends, no page fails and nothing is half-stored.

Random text (Arabic, right-to-left marks, emoji, NUL, very long strings), wrong types
(several values where one is expected) and missing fields go to every public form,
and random paths go to every URL prefix.
"""

from urllib.parse import quote

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from content.models import FEEDBACK_COMMENT_MAX, Feedback
from mesoinfo.validators import clean_visitor_text
from screener.models import ConsultationRequest
from screener.phones import to_e164 as normalise_phone
from screener.questions import ANSWER_CODES
from search.query import MAX_QUERY_LENGTH
from tests.screener.helpers import ready_token

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

SPECIAL = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "a\x00b",
        "\u200f\u202eمرحبا\u202c",
        "ليلى 😀👩🏽‍⚕️",
        "\ufeff",
        "\ud7ff\ue000\uffff",
        "٠١٢٣٤٥٦٧٨٩",
        "<script>alert(1)</script>",
        "'; DROP TABLE screener_consultationrequest; --",
        "%s%(name)s{0}",
        "x" * 10_000,
        "ع" * 2_000,
    ]
)
# Any character a browser can send (lone surrogates cannot be encoded in UTF-8).
CHARACTERS = st.characters(codec="utf-8")
ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
TEXT = st.one_of(SPECIAL, st.text(CHARACTERS, max_size=300), st.text(ARABIC, max_size=40))
VALUE = st.one_of(TEXT, st.lists(TEXT, min_size=2, max_size=3))  # several values: a wrong type
MISSING = object()
FIELD = st.one_of(st.just(MISSING), VALUE)
LANGUAGE = st.sampled_from(["ar", "en"])


def url(name, language, *args):
    with translation.override(language):
        return reverse(f"screener:{name}", args=args)


def post(client, path, data):
    return client.post(path, {k: v for k, v in data.items() if v is not MISSING})


@FUZZ
@given(language=LANGUAGE, number=st.integers(-3, 12), answer=FIELD, back=FIELD)
def test_question_form_never_fails(language, number, answer, back):
    client = Client()
    client.post(url("start", language))
    path = f"/{language}/screener/question/{number}/"
    response = post(client, path, {"answer": answer, "return": back})
    assert response.status_code in (200, 302, 400, 404)
    if number == 1:
        # Accepted only when it is one of the three answers' codes, as a single value; a refusal
        # comes back to the same question (Post/Redirect/Get) and shows there with a 400.
        accepted = answer in ANSWER_CODES.values()
        assert response.status_code == 302
        if accepted:
            assert response["Location"] == url("question", language, 2)
        else:
            assert response["Location"].startswith(url("question", language, 1))
            assert client.get(response["Location"]).status_code == 400
    assert ConsultationRequest.objects.count() == 0


@FUZZ
@given(
    language=LANGUAGE,
    name=st.sampled_from(["start", "check", "restart"]),
    data=st.dictionaries(TEXT, VALUE, max_size=4),
)
def test_screener_buttons_never_fail(language, name, data):
    response = Client().post(url(name, language), data)
    assert response.status_code in (302, 400)


CONSULTATION_FIELDS = [
    "name",
    "phone",
    "email",
    "preferred_language",
    "preferred_time",
    "message",
    "consent_to_contact",
    "attach_outcome",
    "website",
    "token",
]


def valid_consultation():
    return {
        "name": "ليلى أحمد",
        "phone": "+٩٦٦ ٥٠-١٢٣ ٤٥٦٧",
        "email": "layla@example.com",
        "preferred_language": "ar",
        "preferred_time": "morning",
        "message": "",
        "consent_to_contact": "on",
        "website": "",
        "token": ready_token(),
    }


@FUZZ
@given(
    language=LANGUAGE,
    changes=st.dictionaries(st.sampled_from(CONSULTATION_FIELDS), FIELD, min_size=1, max_size=4),
)
def test_consultation_form_stores_a_whole_request_or_nothing(language, changes):
    caches["ratelimit"].clear()  # the rate limit would otherwise answer every later example
    data = valid_consultation() | changes
    before = ConsultationRequest.objects.count()
    client = Client()
    response = post(client, url("consultation", language), data)
    assert response.status_code == 302  # Post/Redirect/Get, refused or sent
    added = ConsultationRequest.objects.count() - before
    if not response["Location"].endswith("/consultation/sent/"):
        assert added == 0
        assert client.get(response["Location"]).status_code == 400
        return
    assert added == 1
    event("stored")
    row = ConsultationRequest.objects.order_by("-pk").first()
    sent = {key: value[-1] if isinstance(value, list) else value for key, value in data.items()}
    assert row.name == clean_visitor_text(sent["name"]) and "\x00" not in row.name
    assert str(row.phone) == normalise_phone(sent["phone"])
    assert row.email == ("" if sent["email"] is MISSING else sent["email"].strip())
    assert row.consent_to_contact is True
    assert row.preferred_language in ("ar", "en")
    assert len(row.message) <= 1000


def visible(value):
    """What the server reads from a field: the last of several values, or nothing."""
    if value is MISSING:
        return None
    return value[-1] if isinstance(value, list) else value


@FUZZ
@given(language=LANGUAGE, query=FIELD, extra=st.dictionaries(TEXT, VALUE, max_size=2))
def test_search_never_fails(article, language, query, extra):
    params = {k: v for k, v in {**extra, "q": query}.items() if v is not MISSING}
    response = Client().get(f"/{language}/search/", params)
    sent = visible(query)
    if sent is not None and "\x00" not in sent and len(sent.strip()) > MAX_QUERY_LENGTH:
        assert response.status_code == 400
    else:
        assert response.status_code in (200, 400)
    assert response["X-Robots-Tag"] == "noindex"
    assert b"<script>alert(1)</script>" not in response.content


@FUZZ
@given(
    language=LANGUAGE,
    # A valid answer often enough that whole rows get stored, not only refusals.
    helpful=st.one_of(st.sampled_from(["yes", "no"]), FIELD),
    comment=st.one_of(st.just(MISSING), st.text(ARABIC, max_size=80), FIELD),
)
def test_article_feedback_stores_a_whole_answer_or_nothing(article, language, helpful, comment):
    caches["ratelimit"].clear()  # the rate limit would otherwise answer every later example
    before = Feedback.objects.count()
    with translation.override(language):
        path = article.get_absolute_url()
        action = reverse(
            "content:feedback", kwargs={"category": article.category.slug, "slug": article.slug}
        )
    client = Client(headers={"Origin": "http://testserver"})  # sent from the article's page
    response = post(client, action, {"helpful": helpful, "comment": comment})
    assert response.status_code in (302, 400)
    added = Feedback.objects.count() - before
    if response.status_code == 400:
        assert added == 0
        return
    assert added == 1
    event("stored")
    assert response["Location"] == path + "#feedback"
    row = Feedback.objects.order_by("-pk").first()
    assert row.article_id == article.pk and row.language == language
    assert visible(helpful) in ("yes", "no")
    assert row.helpful is (visible(helpful) == "yes")
    # Invisible characters go (U+0600 ARABIC NUMBER SIGN is one: category Cf), as in the form.
    assert row.comment == (clean_visitor_text(visible(comment) or "", multiline=True) or "")
    assert len(row.comment) <= FEEDBACK_COMMENT_MAX and "\x00" not in row.comment


PREFIXES = [
    "/",
    "/ar/",
    "/en/",
    "/ar/screener/",
    "/en/screener/question/",
    "/admin/",
    "/ar/search/",
    "/en/search/",
    "/ar/about/",
    "/en/about/",
    "/ar/page/",
    "/en/page/",
    "/sitemap.xml",
    "/robots.txt",
]


def addresses_of(article, about_page):
    """Every public prefix, the real category, article and page addresses among them."""
    found = list(PREFIXES)
    for language in ("ar", "en"):
        with translation.override(language):
            found += [
                article.category.get_absolute_url(),
                article.get_absolute_url(),
                about_page.get_absolute_url(),
                reverse("content:page", args=[about_page.slug]),
            ]
    return found


@FUZZ
@given(
    data=st.data(),
    segments=st.lists(TEXT, max_size=3),
    query=st.dictionaries(TEXT, TEXT, max_size=2),
)
def test_no_address_makes_a_page_fail(article, about_page, data, segments, query):
    prefix = data.draw(st.sampled_from(addresses_of(article, about_page)), label="prefix")
    path = prefix + "/".join(quote(s[:300], safe="") for s in segments)
    response = Client().get(path, query)
    assert response.status_code in (200, 301, 302, 400, 404)


def test_the_fuzzed_addresses_include_real_pages(article, about_page):
    """The fuzzing starts from pages the site serves, not only from missing ones."""
    pages = [a for a in addresses_of(article, about_page) if "/screener/" not in a]
    for address in pages:
        if address in ("/", "/admin/", "/ar/page/", "/en/page/"):
            continue  # redirects, and a prefix with nothing of its own
        expected = 301 if "/page/" in address else 200  # the About page has its own address
        assert Client().get(address).status_code == expected, address
    assert len(pages) >= 16


@FUZZ
@given(username=FIELD, password=FIELD)
def test_admin_sign_in_never_fails(username, password):
    caches["ratelimit"].clear()
    response = post(Client(), reverse("admin:login"), {"username": username, "password": password})
    assert response.status_code in (200, 302, 400, 403, 429)
