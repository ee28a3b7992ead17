"""The screener, walked through the test client in both languages."""

import html
import re
from urllib.parse import unquote, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from screener.cookie import cookie_name
from screener.questions import ANSWER_CODES, NO, NOT_SURE, QUESTION_KEYS, QUESTIONS, TOTAL, YES

from .helpers import answer_all, set_state, state_cookie, state_of, url

pytestmark = pytest.mark.django_db

LANGUAGES = ["ar", "en"]
HEADINGS = {
    "avoid": {
        "ar": "يُتجنَّب الميزوثيرابي عادةً لمن هم في مثل حالتك",
        "en": "Mesotherapy is generally avoided for people in your situation",
    },
    "check_first": {
        "ar": "يحتاج الطبيب إلى التحقق من بعض النقاط أولًا",
        "en": "A doctor needs to check some points first",
    },
    "no_known_reason": {
        # The count comes from screener/questions.py (8 today: Arabic's form for 3 to 10).
        "ar": f"لم تُظهر هذه الأسئلة الـ{TOTAL} سببًا لتجنّب الميزوثيرابي",
        "en": f"Nothing in these {TOTAL} questions rules mesotherapy out",
    },
}


def text_of(response):
    return html.unescape(response.content.decode())


def h1_of(response):
    return re.search(r"<h1[^>]*>(.*?)</h1>", text_of(response), re.S).group(1).strip()


def without_answers(response):
    """The outcome page without its "Your answers" list (which names every question)."""
    return re.sub(r'<dl class="summary-list.*?</dl>', "", text_of(response), flags=re.S)


def reason(key, language):
    with translation.override(language):
        return str(next(q.reason for q in QUESTIONS if q.key == key))


@pytest.fixture
def explaining_article(make_article):
    return make_article(corpus_key="who-should-not-have-it")


@pytest.mark.parametrize("language", LANGUAGES)
def test_start_page_explains_the_check_and_is_private(client, language):
    response = client.get(url("start", language))
    assert response.status_code == 200
    page = text_of(response)
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in page
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex, nofollow">' in page
    if language == "en":
        assert "does not diagnose you" in page
        assert "Your answers are not stored" in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_question_page_has_its_parts(client, language):
    client.post(url("start", language))
    for number, question in enumerate(QUESTIONS, start=1):
        response = client.get(url("question", language, number))
        assert response.status_code == 200
        page = text_of(response)
        with translation.override(language):
            assert f"<h1>{question.text}</h1>" in page
            assert str(question.hint) in page
        assert page.count('type="radio"') == 3
        assert re.search(rf"\b{number}\b.*\b8\b", page)
        assert 'class="back-link"' in page
        client.post(url("question", language, number), {"answer": ANSWER_CODES[NO]})


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("key", QUESTION_KEYS)
def test_each_yes_gives_the_avoid_outcome_naming_it(client, explaining_article, language, key):
    response = answer_all(client, {key: YES}, language)
    assert response.status_code == 200
    page = text_of(response)
    assert "outcome-avoid" in page
    with translation.override(language):
        link = explaining_article.get_absolute_url()
    assert f'<a href="{link}#{anchor(key)}">{reason(key, language)}</a>' in page
    others = [k for k in QUESTION_KEYS if k != key]
    assert not any(reason(other, language) in without_answers(response) for other in others)
    assert h1_of(response) == HEADINGS["avoid"][language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_all_no_gives_the_consultation_outcome(client, language):
    response = answer_all(client, {}, language)
    page = text_of(response)
    assert "outcome-no_known_reason" in page
    assert not any(reason(key, language) in without_answers(response) for key in QUESTION_KEYS)
    with translation.override(language):
        from django.urls import reverse

        assert reverse("screener:consultation") in page
        assert reverse("screener:restart") in page
    assert h1_of(response) == HEADINGS["no_known_reason"][language]
    if language == "ar":
        assert "لا بد أن يفحصك طبيب حضوريًا قبل أي علاج" in page
    if language == "en":
        assert "a doctor still needs to assess you in person" in page
        assert "aspirin" in page and "Never stop a medicine" in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_sure_answers_are_named_for_the_doctor_to_check(client, language):
    response = answer_all(client, {"cancer": NOT_SURE, "stroke": NOT_SURE}, language)
    page = text_of(response)
    assert "outcome-check_first" in page
    assert h1_of(response) == HEADINGS["check_first"][language]
    assert reason("cancer", language) in page
    assert reason("stroke", language) in page
    assert reason("pregnancy", language) not in without_answers(response)


def test_yes_and_not_sure_together_name_both(client):
    response = answer_all(client, {"pregnancy": YES, "heart_disease": NOT_SURE}, "en")
    page = text_of(response)
    assert "outcome-avoid" in page
    assert "Pregnancy or breastfeeding" in page and "A history of heart disease" in page


def test_check_page_lists_all_answers_and_change_returns_to_it(client):
    client.post(url("start", "en"))
    for number in range(1, len(QUESTION_KEYS) + 1):
        client.post(url("question", "en", number), {"answer": ANSWER_CODES[NO]})
    response = client.get(url("check", "en"))
    page = text_of(response)
    assert page.count("?return=check") == 8
    assert page.count('<dd class="summary-list__value answer">No</dd>') == 8

    change = url("question", "en", 3) + "?return=check"
    response = client.get(change)
    assert response.status_code == 200
    assert 'value="n" id="id_answer_1" checked' in text_of(response)
    response = client.post(
        url("question", "en", 3), {"answer": ANSWER_CODES[YES], "return": "check"}
    )
    assert response.status_code == 302
    assert response["Location"] == url("check", "en")
    page = text_of(client.get(url("check", "en")))
    assert page.count('<dd class="summary-list__value answer">Yes</dd>') == 1


def test_questions_continue_in_order(client):
    client.post(url("start", "en"))
    response = client.post(url("question", "en", 1), {"answer": ANSWER_CODES[NO]})
    assert response["Location"] == url("question", "en", 2)


@pytest.mark.parametrize("language", LANGUAGES)
def test_skipping_ahead_by_url_lands_on_the_first_unanswered_question(client, language):
    client.post(url("start", language))
    client.post(url("question", language, 1), {"answer": ANSWER_CODES[NO]})
    response = client.get(url("question", language, 6), follow=True)
    assert response.redirect_chain[-1][0] == url("question", language, 2)
    page = text_of(response)
    assert 'class="site-messages"' in page
    if language == "en":
        assert "Please answer this question first." in page

    for target in (
        url("check", language),
        url("question", language, 9),
        url("question", language, 0),
    ):
        response = client.get(target)
        assert response.status_code == 302
        assert response["Location"] == url("question", language, 2)


def test_posting_ahead_stores_nothing_and_redirects(client):
    client.post(url("start", "en"))
    response = client.post(url("question", "en", 5), {"answer": ANSWER_CODES[YES]})
    assert response["Location"] == url("question", "en", 1)
    assert state_of(client).get("answers", {}) == {}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("bad", [{}, {"answer": "maybe"}, {"answer": ""}, {"answer": "x" * 5000}])
def test_an_answer_that_is_not_one_of_the_three_is_refused_clearly(client, language, bad):
    client.post(url("start", language))
    posted = client.post(url("question", language, 1), bad)
    assert posted.status_code == 302  # Post/Redirect/Get: the refusal is shown by a GET
    response = client.get(posted["Location"])
    assert response.status_code == 400
    page = text_of(response)
    assert 'class="error-summary' in page
    assert 'href="#id_answer_0"' in page
    assert "autofocus" in page
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    if language == "en":
        assert title.startswith("Error: ")
        assert "There is a problem" in page
        assert "Choose Yes, No or I&#x27;m not sure." in response.content.decode() or (
            "Choose Yes, No or I'm not sure." in page
        )
    else:
        assert title.startswith("خطأ: ")
    assert state_of(client).get("answers", {}) == {}


def _set_session(client, data):
    set_state(client, data)


@pytest.mark.parametrize(
    "data",
    [
        {"a": "garbage"},
        {"a": "p-------"},
        {"a": "yyyyyyyyy"},
        {"a": ["yes"]},
        {"a": "y-------", "f": True},
        {"a": "--------", "t": "yesterday"},
    ],
)
def test_a_damaged_session_is_cleared_with_a_message(client, data):
    _set_session(client, data)
    response = client.get(url("question", "en", 4), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == url("question", "en", 1)
    assert "could not be read" in text_of(response)


def test_a_tampered_cookie_is_ignored(client):
    client.post(url("start", "en"))
    client.post(url("question", "en", 1), {"answer": ANSWER_CODES[YES]})
    cookie = state_cookie(client)
    client.cookies[cookie_name()] = cookie[:-3] + "AAA"
    response = client.get(url("question", "en", 2))
    assert response.status_code == 302
    assert response["Location"] == url("question", "en", 1)
    assert client.get(url("outcome", "en"))["Location"] == url("start", "en")


def test_an_expired_session_starts_over_with_a_message(client):
    _set_session(client, {"a": "n-------", "t": 1_000_000})
    response = client.get(url("question", "en", 2), follow=True)
    assert response.redirect_chain[-1][0] == url("question", "en", 1)
    assert "some time has passed" in text_of(response)


def test_submitting_the_check_twice_keeps_the_same_outcome(client):
    answer_all(client, {"stroke": YES}, "en")
    response = client.post(url("check", "en"))
    assert response["Location"] == url("outcome", "en")
    assert "outcome-avoid" in text_of(client.get(url("outcome", "en")))


def test_outcome_without_answers_goes_to_the_start(client):
    response = client.get(url("outcome", "en"), follow=True)
    assert response.redirect_chain[-1][0] == url("start", "en")
    assert "There is no result to show" in text_of(response)


def test_answers_are_kept_encrypted_with_the_outcome_until_the_visitor_leaves(client, article):
    """Changed behaviour (issue 16): the result page lists the answers, each with a Change
    link, so they stay (encrypted, in the browser) until the visitor leaves or starts again."""
    answer_all(client, {"cancer": YES}, "en")
    data = state_of(client)
    assert data["answers"]["cancer"] == YES and len(data["answers"]) == 8
    assert data["f"] is True
    client.get(article.get_absolute_url())
    assert state_of(client).get("answers", {}) == {}


def test_start_again_clears_everything(client):
    answer_all(client, {"cancer": YES}, "en")
    response = client.post(url("restart", "en"), follow=True)
    assert response.redirect_chain[-1][0] == url("start", "en")
    assert state_of(client).get("answers", {}) == {}
    assert client.get(url("outcome", "en")).status_code == 302


def test_leaving_the_screener_clears_the_outcome(client, article):
    answer_all(client, {"cancer": YES}, "en")
    assert client.get(url("consultation", "en")).status_code == 200
    assert state_of(client).get("f") is True
    client.get(article.get_absolute_url())
    assert not state_of(client).get("f")


def test_the_screener_writes_nothing_to_the_database(client, explaining_article):
    with CaptureQueriesContext(connection) as queries:
        answer_all(client, {"pregnancy": YES, "stroke": NOT_SURE}, "ar")
        client.post(url("restart", "ar"))
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_answers_never_appear_in_urls(client, explaining_article, language):
    """No address the visitor's browser asks for or is sent to carries an answer."""
    answers = dict(zip(QUESTION_KEYS, [YES, NO, NOT_SURE] * 3, strict=False))
    seen = []

    def visit(method, path, data=None):
        seen.append(path)
        response = getattr(client, method)(path, data or {})
        if response.status_code in (301, 302):
            seen.append(response["Location"])
        return response

    visit("get", url("start", language))
    visit("post", url("start", language))
    for number, key in enumerate(QUESTION_KEYS, start=1):
        visit("get", url("question", language, number))
        visit("post", url("question", language, number), {"answer": ANSWER_CODES[answers[key]]})
    check = text_of(visit("get", url("check", language)))
    change = re.search(r'href="([^"]*\?return=check)"', check).group(1)
    visit("get", change)
    visit("post", change.split("?")[0], {"answer": ANSWER_CODES[NO], "return": "check"})
    visit("post", url("check", language))
    visit("get", url("outcome", language))
    visit("get", url("question", language, 3))  # after the outcome
    visit("post", url("restart", language))

    assert len(seen) > 20
    words = {YES, NO, NOT_SURE, "answer", *QUESTION_KEYS}
    for address in seen:
        parts = urlsplit(address)
        tokens = set(re.split(r"[/?&=#;,.+]+", unquote(parts.path + "?" + parts.query).lower()))
        assert not tokens & words, address


def anchor(key):
    """The neutral fragment of a condition's heading: #condition-1 … #condition-8."""
    return f"condition-{QUESTION_KEYS.index(key) + 1}"


LOST = {
    "en": (
        "Your answers could not be found, perhaps because time passed or the browser "
        "cleared them. Please start again."
    ),
    "ar": "تعذّر العثور على إجاباتك، ربما لمرور بعض الوقت أو لأن المتصفح مسحها. يُرجى البدء من جديد.",
}


def _corrupt_session_cookie(client):
    cookie = state_cookie(client)
    client.cookies[cookie_name()] = cookie[:-6] + "AAAAAA"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("target", "lands_on"),
    [
        (("question", 3), ("question", 1)),
        (("question", 9), ("question", 1)),
        (("check",), ("question", 1)),
        (("outcome",), ("start",)),
    ],
)
def test_a_corrupted_cookie_says_the_answers_were_lost(client, language, target, lands_on):
    client.post(url("start", language))
    for number in (1, 2, 3):
        client.post(url("question", language, number), {"answer": ANSWER_CODES[YES]})
    _corrupt_session_cookie(client)
    response = client.get(url(target[0], language, *target[1:]), follow=True)
    assert response.redirect_chain[-1][0] == url(lands_on[0], language, *lands_on[1:])
    page = text_of(response)
    assert LOST[language] in page
    assert "Please answer this question first." not in page
    assert "يُرجى الإجابة عن هذا السؤال أولًا." not in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_corrupted_cookie_on_posting_an_answer_says_the_answers_were_lost(client, language):
    client.post(url("start", language))
    client.post(url("question", language, 1), {"answer": ANSWER_CODES[NO]})
    _corrupt_session_cookie(client)
    response = client.post(url("question", language, 2), {"answer": ANSWER_CODES[NO]}, follow=True)
    assert response.redirect_chain[-1][0] == url("question", language, 1)
    assert LOST[language] in text_of(response)


def test_a_first_visit_is_not_told_its_answers_were_lost(client):
    response = client.get(url("question", "en", 3), follow=True)
    assert response.redirect_chain[-1][0] == url("question", "en", 1)
    page = text_of(response)
    assert "Please answer this question first." in page
    assert LOST["en"] not in page


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("target", [("question", 1), ("question", 5), ("check",)])
def test_after_the_outcome_questions_and_check_lead_back_to_it(client, language, target):
    answer_all(client, {"stroke": YES}, language)
    response = client.get(url(target[0], language, *target[1:]), follow=True)
    assert response.redirect_chain[-1][0] == url("outcome", language)
    assert "outcome-avoid" in text_of(response)
    assert "Please answer every question first." not in text_of(response)
    assert "يُرجى الإجابة عن جميع الأسئلة أولًا." not in text_of(response)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_reason_links_to_its_own_part_of_the_article(client, explaining_article, language):
    answers = {"pregnancy": YES, "blood_thinners": YES, "cancer": NOT_SURE, "stroke": NOT_SURE}
    page = text_of(answer_all(client, answers, language))
    with translation.override(language):
        link = explaining_article.get_absolute_url()
    hrefs = re.findall(r'<ul class="reasons">.*?</ul>', page, re.S)
    links = re.findall(r'href="([^"]+)"', "".join(hrefs))
    assert links == [
        f"{link}#{anchor(key)}" for key in ("pregnancy", "blood_thinners", "cancer", "stroke")
    ]


def test_start_again_by_get_goes_to_the_start_page_and_keeps_the_result(client):
    answer_all(client, {"stroke": YES}, "en")
    response = client.get(url("restart", "en"))
    assert response.status_code == 302
    assert response["Location"] == url("start", "en")
    assert state_of(client)["f"] is True
    assert "outcome-avoid" in text_of(client.get(url("outcome", "en")))


@pytest.mark.parametrize("target", [("question", 3), ("check",), ("outcome",)])
def test_a_logged_in_visitor_who_never_began_is_not_told_answers_were_lost(
    client, django_user_model, target
):
    """A staff member's session is no sign of a screener begun."""
    client.force_login(django_user_model.objects.create_user("editor", is_staff=True))
    response = client.get(url(target[0], "en", *target[1:]), follow=True)
    assert response.status_code == 200
    page = text_of(response)
    assert LOST["en"] not in page
    if target[0] == "outcome":
        assert response.redirect_chain[-1][0] == url("start", "en")
        assert "There is no result to show" in page
    else:
        assert response.redirect_chain[-1][0] == url("question", "en", 1)


def test_answers_that_expired_mid_way_start_over_with_a_message(client, settings):
    client.post(url("start", "en"))
    client.post(url("question", "en", 1), {"answer": ANSWER_CODES[YES]})
    settings.SCREENER_TIMEOUT = -1  # the hour inside the encrypted cookie has passed
    response = client.get(url("question", "en", 2), follow=True)
    assert response.redirect_chain[-1][0] == url("question", "en", 1)
    assert "some time has passed" in text_of(response)


def test_a_cookie_the_browser_dropped_mid_way_starts_afresh(client):
    """Changed behaviour: with the answers in one cookie, a browser that dropped it is a
    new visitor (there is no second cookie left to tell otherwise)."""
    client.post(url("start", "en"))
    client.post(url("question", "en", 1), {"answer": ANSWER_CODES[YES]})
    del client.cookies[cookie_name()]
    response = client.get(url("check", "en"), follow=True)
    assert LOST["en"] not in text_of(response)
    assert "Please answer every question first." in text_of(response)


def test_the_state_cookie_is_encrypted_and_goes_with_the_answers(client, article):
    import base64
    import zlib

    client.post(url("start", "en"))
    client.post(url("question", "en", 1), {"answer": ANSWER_CODES[YES]})
    morsel = client.cookies[cookie_name()]
    assert morsel["httponly"] and morsel["samesite"] == "Lax" and morsel["path"] == "/"
    assert not morsel["max-age"]  # a browser-session cookie; the hour is inside it
    raw = base64.urlsafe_b64decode(morsel.value + "==")
    for readable in (raw, zlib.decompressobj().decompress(raw[-40:]) if False else b""):
        assert b"yes" not in readable and b"pregnancy" not in readable
    assert b'"a"' not in raw and b"y-------" not in raw
    client.post(url("restart", "en"))
    assert state_of(client).get("answers", {}) == {}

    client.post(url("start", "en"))
    client.post(url("question", "en", 1), {"answer": ANSWER_CODES[YES]})
    client.get(article.get_absolute_url())  # leaving the screener forgets the answers
    assert state_of(client).get("answers", {}) == {}
    response = client.get(url("question", "en", 2), follow=True)
    assert LOST["en"] not in text_of(response)  # the site cleared them: nothing was lost


@pytest.mark.parametrize(
    ("language", "leaving", "from_result"),
    [
        (
            "ar",
            "تفتح من صفحة النتيجة مقالةً أو شرحَ أحد الأسباب ثم تعود إليها",
            "ومن صفحة النتيجة أيضًا",
        ),
        ("en", "open an article or a reason and come back to it", "and from the result too"),
    ],
)
def test_the_start_page_says_first_that_leaving_clears_the_answers(
    client, language, leaving, from_result
):
    """J2-2: what clears the answers is said first, as it happens (review D12: a link
    followed from the result keeps it); answers can also be changed from the result."""
    page = text_of(client.get(url("start", language)))
    items = re.findall(r"<li>(.*?)</li>", page.split("<main", 1)[1], re.S)
    assert leaving in items[0]
    assert any(from_result in item for item in items)


@pytest.mark.parametrize(("language", "back"), [("ar", "رجوع"), ("en", "Back")])
def test_the_check_page_has_a_back_link_to_the_last_question(client, language, back):
    """J2-3: GOV.UK's check-answers pattern, as on the question pages."""
    client.post(url("start", language))
    for number in range(1, len(QUESTION_KEYS) + 1):
        client.post(url("question", language, number), {"answer": ANSWER_CODES[NO]})
    page = text_of(client.get(url("check", language)))
    last = url("question", language, len(QUESTION_KEYS))
    assert f'<a class="back-link" href="{last}">{back}</a>' in page
