"""Issue 16, through the test client: the result keeps the answers (Change, print view),
and the consultation form is fair to people and plain about every fault."""

import html
import re
import time

import pytest
from django.test import Client
from django.urls import reverse

from mesoinfo.validators import clean_visitor_text
from screener.models import ConsultationRequest
from screener.questions import ANSWER_CODES, NO, NOT_SURE, QUESTION_KEYS, YES

from .helpers import answer_all, ready_token, set_state, state_of, url

pytestmark = pytest.mark.django_db


def page_of(response):
    return html.unescape(response.content.decode())


def hidden_token(page):
    return re.search(r'name="token" value="([^"]+)"', page).group(1)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_one_answer_changed_from_the_result_gives_the_new_outcome(client, language):
    page = page_of(answer_all(client, {"stroke": YES}, language))
    assert "outcome-avoid" in page
    assert page.count("?return=result") == 8
    change = re.findall(r'href="([^"]*\?return=result)"', page)[7]  # question 8
    form = client.get(change)
    assert form.status_code == 200
    response = client.post(change.split("?")[0], {"answer": ANSWER_CODES[NO], "return": "result"})
    assert response["Location"] == url("outcome", language)
    page = page_of(client.get(url("outcome", language)))
    assert "outcome-no_known_reason" in page  # without answering the seven others again
    assert state_of(client)["answers"] == dict.fromkeys(QUESTION_KEYS, NO)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_result_has_its_date_a_print_link_and_a_panel_per_outcome(client, language):
    for answers, panel in (
        ({"stroke": YES}, "result-panel--avoid"),
        ({"stroke": NOT_SURE}, "result-panel--caution"),
        ({}, "result-panel--clear"),
    ):
        page = page_of(answer_all(client, answers, language))
        assert panel in page
        assert url("outcome_print", language) in page
        assert time.strftime("%Y") in re.search(r'class="result-date">(.*?)<', page).group(1)


@pytest.mark.parametrize(
    "language, doctor_first, plain_link",
    [
        ("ar", "تحدّث أولًا مع طبيبك.", "إن كنت لا تزال ترغب، فاطلب من العيادة أن تتصل بك"),
        (
            "en",
            "Talk to your own doctor first.",
            "If you still want to, ask the clinic to call you",
        ),
    ],
)
def test_avoided_puts_the_visitors_own_doctor_first(client, language, doctor_first, plain_link):
    """Review D21: after "usually avoided" the clinic's request is a plain, secondary link."""
    page = page_of(answer_all(client, {"pregnancy": YES}, language))
    first_step = page.index(doctor_first)
    consultation = url("consultation", language)
    assert first_step < page.index(consultation)
    assert first_step < page.index(url("outcome_print", language))
    section = page.split('class="clinic-service"')[1].split("</section>")[0]
    links = re.findall(rf'<a ([^>]*)href="{consultation}"[^>]*>([^<]*)</a>', section)
    assert [(attributes.strip(), text) for attributes, text in links] == [
        ('class="clinic-request-link"', plain_link)
    ]
    other = page_of(answer_all(client, {"stroke": NOT_SURE}, language))
    assert f'<a class="btn btn-primary" href="{consultation}"' in other


@pytest.mark.parametrize("language", ["ar", "en"])
def test_nothing_found_names_what_the_doctor_will_also_check(client, language):
    page = page_of(answer_all(client, {}, language))
    items = re.search(r'<ul class="other-checks">(.*?)</ul>', page, re.S).group(1)
    assert items.count("<li>") == 7
    if language == "en":
        for words in (
            "allergy",
            "soy",
            "numbing medicine",
            "skin infection",
            "immune",
            "medicines that calm the immune system",
            "myasthenia gravis",
            "keloid",
            "under 18",
            "kidney or liver",
        ):
            assert words in items
    else:
        for words in (
            "التحسّس",
            "الصويا",
            "التخدير الموضعي",
            "عدوى",
            "المناعة",
            "أدوية تثبّط المناعة",
            "الوهن العضلي الوبيل",
            "الجُدَرة",
            "18",
            "الكلى أو الكبد",
        ):
            assert words in items


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_print_view_has_all_eight_answers_the_date_and_isolated_addresses(
    client, make_article, language
):
    make_article(corpus_key="who-should-not-have-it")
    make_article(corpus_key="preparing")
    answer_all(client, {"pregnancy": YES, "cancer": NOT_SURE}, language)
    page = page_of(client.get(url("outcome_print", language)))
    assert page.count('class="summary-list__value answer"') == 8
    assert "?return=" not in page  # nothing to change on paper
    assert re.search(r'class="result-date">[^<]*\d{4}', page)
    addresses = re.findall(r'<span class="print-address" dir="ltr">(.+?)</span>', page)
    assert len(addresses) == 3  # the site, the explaining article, one to read more
    assert all(a.startswith("http://testserver/") and "%" not in a for a in addresses)
    # Each Arabic path segment isolated, so the segments print in the path's order.
    assert all("/<bdi>" in a for a in addresses[1:] if language == "ar") and "<bdi>" not in "".join(
        addresses if language == "en" else []
    )
    assert 'src="/static/js/print.js"' in page and "<script>" not in page


def test_the_print_view_without_a_result_goes_to_the_start(client):
    response = client.get(url("outcome_print", "en"))
    assert response.status_code == 302 and response["Location"] == url("start", "en")


# --- The consultation form -------------------------------------------------------------


def open_form(client, language="en", seconds_ago=30):
    """Open the form as a visitor who has been on it for `seconds_ago` seconds."""
    page = page_of(client.get(url("consultation", language)))
    data = state_of(client)
    set_state(
        client,
        {k: v for k, v in data.items() if k != "answers"} | {"o": int(time.time()) - seconds_ago},
    )
    return page


def test_an_error_then_a_quick_fix_is_accepted(client, consultation_data, settings):
    settings.CONSULTATION_MIN_FILL_SECONDS = 3
    page = open_form(client, seconds_ago=10)
    data = consultation_data | {"token": hidden_token(page)}
    del data["consent_to_contact"]
    refused = client.post(url("consultation", "en"), data, follow=True)
    assert refused.status_code == 400
    assert "Tick this box" in page_of(refused)
    # Ticked and sent again at once, from the form shown again (the same token).
    fixed = consultation_data | {"token": hidden_token(page_of(refused))}
    response = client.post(url("consultation", "en"), fixed)
    assert response["Location"] == url("consultation_sent", "en")
    assert ConsultationRequest.objects.count() == 1


def test_a_send_at_once_stores_nothing_until_it_is_confirmed(client, consultation_data, settings):
    settings.CONSULTATION_MIN_FILL_SECONDS = 3
    page = page_of(client.get(url("consultation", "en")))
    response = client.post(
        url("consultation", "en"), consultation_data | {"token": hidden_token(page)}, follow=True
    )
    assert "Your request has not been sent yet." in page_of(response)
    assert ConsultationRequest.objects.count() == 0
    # The form's own token cannot be reused to skip the question: only the one shown.
    again = client.post(
        url("consultation", "en"), consultation_data | {"token": hidden_token(page)}, follow=True
    )
    assert "Your request has not been sent yet." in page_of(again)
    assert ConsultationRequest.objects.count() == 0


@pytest.mark.parametrize(
    ("language", "name", "message"),
    [
        ("en", "", "Enter your name."),
        ("en", "   ", "Your name cannot be only spaces. Enter your name."),
        ("en", "x" * 200, "Your name must be 100 characters or fewer."),
        ("en", "\u200b\u200f", "Enter your name using letters"),
        ("en", "12345", "Enter your name using letters"),
        ("ar", "", "أدخل اسمك."),
        ("ar", "   ", "لا يمكن أن يتكوّن الاسم من مسافات فقط. أدخل اسمك."),
        ("ar", "x" * 200, "يجب ألا يزيد اسمك على 100 حرف."),
    ],
)
def test_each_fault_in_a_name_has_its_own_message(
    client, consultation_data, language, name, message
):
    response = client.post(
        url("consultation", language), consultation_data | {"name": name}, follow=True
    )
    assert response.status_code == 400
    page = page_of(response)
    assert message in page
    assert "This field is required" not in page and "هذا الحقل مطلوب" not in page
    assert ConsultationRequest.objects.count() == 0


def test_no_field_is_cut_short_by_the_browser(client):
    page = page_of(client.get(url("consultation", "en")))
    form = re.search(r'<form method="post" novalidate[^>]*>.*?</form>', page, re.S).group(0)
    assert 'name="name"' in form and "maxlength" not in form


def test_every_fault_of_an_empty_form_names_its_field(client):
    response = client.post(url("consultation", "en"), {}, follow=True)
    page = page_of(response)
    for message in (
        "Enter your name.",
        "Enter your phone number.",
        "Choose the language you would like us to use.",
        "Tick this box so that the clinic may contact you.",
    ):
        assert message in page
    assert "This field is required" not in page


@pytest.mark.parametrize("spelling", ["0501234567", "+966 50 123 4567", "٠٥٠١٢٣٤٥٦٧"])
def test_three_spellings_are_one_e164_number(consultation_data, spelling):
    consultation_data |= {"phone": spelling, "token": ready_token()}
    assert Client().post(url("consultation", "ar"), consultation_data).status_code == 302
    assert str(ConsultationRequest.objects.get().phone) == "+966501234567"


def test_the_default_region_is_the_clinics_country(consultation_data, settings):
    settings.CLINIC_COUNTRY = "EG"
    consultation_data |= {"phone": "010 1234 5678"}
    assert Client().post(url("consultation", "en"), consultation_data).status_code == 302
    assert str(ConsultationRequest.objects.get().phone) == "+201012345678"


def test_visitor_text_loses_control_and_bidi_characters(consultation_data):
    consultation_data |= {
        "name": "Lay\u202ela\x1b[31m Ahmad\u200b",
        "message": "line one\r\nline\x07 two\u2066",
    }
    assert Client().post(url("consultation", "en"), consultation_data).status_code == 302
    row = ConsultationRequest.objects.get()
    assert row.name == "Layla Ahmad"
    assert row.message == "line one\nline two"


@pytest.mark.parametrize(
    ("raw", "multiline", "clean"),
    [
        ("\x1b]0;title\x07Hi", False, "Hi"),
        ("a\tb", False, "a b"),
        ("a\nb", False, "ab"),
        ("a\nb", True, "a\nb"),
        ("\u061c\u200e\u202a\u2067x\ufeff", False, "x"),
        ("ليلى", False, "ليلى"),
    ],
)
def test_the_visitor_text_cleaner(raw, multiline, clean):
    assert clean_visitor_text(raw, multiline=multiline) == clean


def test_the_feedback_comment_is_cleaned_too(client, article):
    from content.models import Feedback

    feedback = reverse(
        "content:feedback", kwargs={"category": article.category.slug, "slug": article.slug}
    )
    data = {"helpful": "no", "comment": "Too\u202e long\x1b[0m"}
    client.post(feedback, data, headers={"Origin": "http://testserver"})
    assert Feedback.objects.get().comment == "Too long"


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_confirmation_says_what_was_sent_and_what_happens_next(
    client, consultation_data, language
):
    answer_all(client, {"stroke": YES}, language)
    response = client.post(url("consultation", language), consultation_data, follow=True)
    page = page_of(response)
    row = ConsultationRequest.objects.get()
    assert row.reference in page
    assert row.screener_outcome == ""
    if language == "en":
        assert "What was sent" in page and "What happens next" in page
        assert "Nothing about your health" in page
        assert "within 2 working days" in page
    else:
        assert "ما الذي أُرسل" in page and "يومَي عمل" in page
    assert "stroke" not in page.lower() and "سكتة" not in page
    assert state_of(client).get("answers", {}) == {}  # the answers went with the sending


def test_the_per_visitor_limit_stops_one_browser(client, consultation_data, settings):
    settings.CONSULTATION_VISITOR_LIMIT = "2/h"
    for _ in range(2):
        data = consultation_data | {"token": ready_token()}
        assert client.post(url("consultation", "en"), data)["Location"].endswith("/sent/")
        client.post(url("consultation", "en"), {"another": "1"})
    data = consultation_data | {"token": ready_token()}
    response = client.post(url("consultation", "en"), data, follow=True)
    assert response.status_code == 429
    assert "Too many requests" in page_of(response)
    assert ConsultationRequest.objects.count() == 2


def test_past_the_site_wide_ceiling_patients_still_send_reception_is_told_and_the_form_slows(
    consultation_data, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.CONSULTATION_SITE_LIMIT = "3/h"
    settings.RECEPTION_EMAILS = ["reception@clinic.example"]
    statuses = []
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(5):
            visitor = Client(REMOTE_ADDR=f"203.0.113.{n + 1}")
            data = consultation_data | {"token": ready_token()}  # opened 30 seconds ago
            statuses.append(visitor.post(url("consultation", "en"), data, follow=True).status_code)
    assert statuses == [200] * 5  # nobody refused
    assert ConsultationRequest.objects.count() == 5
    alerts = [m for m in mailoutbox if "Unusually many" in m.subject or "عدد" in m.subject]
    assert len(alerts) == 1  # told once
    # The form now needs more time than a program takes: sent 5 seconds after it opened.
    quick = Client(REMOTE_ADDR="203.0.113.99").post(
        url("consultation", "en"), consultation_data | {"token": ready_token(5)}, follow=True
    )
    assert quick.status_code == 400
    assert "That was very quick" in page_of(quick)
    assert ConsultationRequest.objects.count() == 5


def test_one_ipv6_network_cannot_use_up_the_allowance_of_other_patients(
    consultation_data, settings
):
    """The red team's flood: many addresses of one /64 count as one sender."""
    settings.CONSULTATION_RATE_LIMIT = "3/h"
    settings.CONSULTATION_SITE_LIMIT = "5/h"
    statuses = []
    for n in range(11):
        flooder = Client(REMOTE_ADDR=f"2001:db8:1:2::{n + 1:x}")
        data = consultation_data | {"token": ready_token()}
        statuses.append(flooder.post(url("consultation", "en"), data, follow=True).status_code)
    assert statuses == [200] * 3 + [429] * 8
    for address in ("2001:db8:9:9::1", "198.51.100.7", "::ffff:192.0.2.5"):
        patient = Client(REMOTE_ADDR=address)
        data = consultation_data | {"token": ready_token()}
        assert patient.post(url("consultation", "en"), data, follow=True).status_code == 200
    assert ConsultationRequest.objects.count() == 6


@pytest.mark.parametrize(
    ("address", "network"),
    [
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("2001:DB8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"),
        ("203.0.113.9", "203.0.113.9/32"),
        ("::ffff:203.0.113.9", "203.0.113.9/32"),
        ("", "unknown"),
    ],
)
def test_limits_count_an_ipv6_slash_64_and_an_ipv4_address(address, network):
    from screener.limits import network_of

    assert network_of(address) == network


def test_a_huge_refused_form_still_fits_in_the_cookie_and_says_why(client, consultation_data):
    data = consultation_data | {"message": "رسالة طويلة جدًا " * 400, "email": "x" * 3000}
    posted = client.post(url("consultation", "ar"), data)
    assert len(posted.cookies["screener"].OutputString()) < 4000  # what a browser keeps
    response = client.get(posted["Location"])
    assert response.status_code == 400
    page = page_of(response)
    assert "يجب ألا تزيد الرسالة على 1000 حرف." in page
    assert "يجب ألا يزيد عنوان البريد الإلكتروني على 254 حرفًا." in page
    assert ConsultationRequest.objects.count() == 0
