""" "Was this page helpful?": yes or no, a short comment without personal data."""

import pytest
from django.core.cache import cache
from django.utils import translation

from content.models import Feedback

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def test_article_ends_with_the_question(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert "هل كانت هذه الصفحة مفيدة؟" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="helpful" value="yes"' in html and 'name="helpful" value="no"' in html
    assert "لا تكتب اسمك" in html  # no personal data, said plainly


def test_an_answer_is_stored_and_thanked_for(client, article):
    response = client.post(article.get_absolute_url(), {"helpful": "yes", "comment": "واضحة."})
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url() + "#feedback"
    feedback = Feedback.objects.get()
    assert (feedback.article, feedback.language, feedback.helpful) == (article, "ar", True)
    assert feedback.comment == "واضحة."
    html = client.get(response["Location"]).content.decode()
    assert "شكرًا لك على إجابتك" in html


def test_english_answer_without_comment(client, article):
    with translation.override("en"):
        url = article.get_absolute_url()
    response = client.post(url, {"helpful": "no"}, follow=True)
    assert "Thank you for your answer." in response.content.decode()
    assert Feedback.objects.get().language == "en" and not Feedback.objects.get().helpful


@pytest.mark.parametrize(
    ("data", "arabic_message"),
    [
        ({}, "يُرجى اختيار «نعم» أو «لا»."),
        ({"helpful": "maybe"}, "يُرجى اختيار «نعم» أو «لا»."),
        ({"helpful": "yes", "comment": "x" * 501}, "عدد أحرفه الآن 501"),
        ({"helpful": "no", "comment": "اتصلوا بي 0501234567"}, "رقم الهاتف"),
        ({"helpful": "no", "comment": "me@example.com please"}, "البريد الإلكتروني"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_stored(client, article, data, arabic_message):
    response = client.post(article.get_absolute_url(), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert arabic_message in html
    assert f"<h1>{article.title_ar}</h1>" in html  # the article, with the form refilled
    assert not Feedback.objects.exists()


def test_comment_is_kept_in_the_form_after_an_error(client, article):
    with translation.override("en"):
        url = article.get_absolute_url()
    html = client.post(url, {"comment": "Clear <b>text</b>"}).content.decode()
    assert "Please choose Yes or No." in html
    assert "Clear &lt;b&gt;text&lt;/b&gt;</textarea>" in html


def test_feedback_without_csrf_token_is_refused(article):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(article.get_absolute_url(), {"helpful": "yes"})
    assert response.status_code == 403
    assert not Feedback.objects.exists()


def test_feedback_is_rate_limited(client, article, settings):
    settings.FEEDBACK_RATE_LIMIT = "2/h"
    for _ in range(2):
        assert client.post(article.get_absolute_url(), {"helpful": "yes"}).status_code == 302
    response = client.post(article.get_absolute_url(), {"helpful": "yes"})
    assert response.status_code == 429
    assert "يُرجى المحاولة لاحقًا" in response.content.decode()
    assert Feedback.objects.count() == 2


def test_feedback_on_a_draft_is_404(client, make_article):
    from content.models import Article

    draft = make_article(status=Article.Status.DRAFT)
    assert client.post(draft.get_absolute_url(), {"helpful": "yes"}).status_code == 404
    assert not Feedback.objects.exists()


@pytest.mark.parametrize("comment", ["I had it on 25/11/2026 and felt fine.", "Read in 2026.10.01"])
def test_a_date_is_not_taken_for_a_phone_number(client, article, comment):
    response = client.post(article.get_absolute_url(), {"helpful": "yes", "comment": comment})
    assert response.status_code == 302
    assert Feedback.objects.get().comment == comment


@pytest.mark.parametrize(
    "comment",
    ["Call 050.123.4567", "Call 050/123/4567", "Call +966 (50) 123-4567", "٠٥٠ ١٢٣ ٤٥٦٧"],
)
def test_a_phone_number_written_any_way_is_refused(client, article, comment):
    response = client.post(article.get_absolute_url(), {"helpful": "no", "comment": comment})
    assert response.status_code == 400
    assert "رقم الهاتف" in response.content.decode()
    assert not Feedback.objects.exists()


@pytest.mark.parametrize(
    "comment",
    ["Updated on 2026-11-24?", "Seen at 10:26:03 on 2026/11/24", "Studies from 2019-2026"],
)
def test_an_iso_date_a_time_or_years_are_not_taken_for_a_phone_number(client, article, comment):
    response = client.post(article.get_absolute_url(), {"helpful": "yes", "comment": comment})
    assert response.status_code == 302
    assert Feedback.objects.get().comment == comment
