""" "Was this page helpful?": yes or no, a short comment without personal data."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from content.models import Feedback

pytestmark = pytest.mark.django_db
SITE = "http://testserver"


@pytest.fixture
def client():
    """A browser on the article page: its posts carry the site's own Origin, as browsers'
    do."""
    return Client(headers={"Origin": SITE})


def feedback_url(article, language="ar"):
    with translation.override(language):
        return reverse(
            "content:feedback", kwargs={"category": article.category.slug, "slug": article.slug}
        )


def test_article_ends_with_the_question(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert "هل كانت هذه الصفحة مفيدة؟" in html
    assert 'name="csrfmiddlewaretoken"' not in html  # the page is the same for everyone
    assert f'action="{feedback_url(article)}#feedback"' in html
    assert 'name="helpful" value="yes"' in html and 'name="helpful" value="no"' in html
    assert "لا تكتب اسمك" in html  # no personal data, said plainly


def test_an_answer_is_stored_and_thanked_for(client, article):
    response = client.post(feedback_url(article), {"helpful": "yes", "comment": "واضحة."})
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url() + "#feedback"
    feedback = Feedback.objects.get()
    assert (feedback.article, feedback.language, feedback.helpful) == (article, "ar", True)
    assert feedback.comment == "واضحة."
    html = client.get(response["Location"]).content.decode()
    # Said in the feedback box the page opens at, not at the top of the article; the
    # form is not offered again (patients would think it failed and send twice).
    box = html[html.index('id="feedback"') :]
    assert "شكرًا لك على إجابتك" in box and 'role="status"' in box
    assert "شكرًا لك على إجابتك" not in html[: html.index('id="feedback"')]
    assert 'name="helpful"' not in box
    # The next visit shows the form again.
    assert 'name="helpful"' in client.get(article.get_absolute_url()).content.decode()


def test_english_answer_without_comment(client, article):
    response = client.post(feedback_url(article, "en"), {"helpful": "no"}, follow=True)
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
    response = client.post(feedback_url(article), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert arabic_message in html
    assert f"<h1>{article.title_ar}</h1>" in html  # the article, with the form refilled
    assert not Feedback.objects.exists()


def test_comment_is_kept_in_the_form_after_an_error(client, article):
    html = client.post(
        feedback_url(article, "en"), {"comment": "Clear <b>text</b>"}
    ).content.decode()
    assert "Please choose Yes or No." in html
    assert "Clear &lt;b&gt;text&lt;/b&gt;</textarea>" in html


def test_feedback_without_csrf_token_is_refused(article):
    """Without any sign of coming from this site (no Origin, Sec-Fetch-Site or Referer)."""
    response = Client(enforce_csrf_checks=True).post(feedback_url(article), {"helpful": "yes"})
    assert response.status_code == 403
    assert not Feedback.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},  # a sandboxed frame or a data: page
        {"Origin": "http://testserver.evil.example"},
        {"Origin": "https://testserver"},  # another scheme is another origin
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Sec-Fetch-Site": "same-origin", "Origin": "https://evil.example"},
        {"Sec-Fetch-Site": "cross-site", "Origin": SITE},
        {"Referer": "https://evil.example/page"},
    ],
)
@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_cross_site_post_is_refused(article, headers, language):
    response = Client(headers=headers).post(feedback_url(article, language), {"helpful": "yes"})
    assert response.status_code == 403
    html = response.content.decode()
    assert {"ar": "تعذّر إرسال النموذج", "en": "The form could not be sent"}[language] in html
    assert not Feedback.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": SITE},
        {"Sec-Fetch-Site": "same-origin"},
        {"Sec-Fetch-Site": "same-origin", "Origin": SITE},
        {"Referer": SITE + "/ar/"},  # an older browser that sends no Origin
    ],
)
def test_a_post_from_the_sites_own_page_is_accepted(article, headers):
    response = Client(enforce_csrf_checks=True, headers=headers).post(
        feedback_url(article), {"helpful": "yes"}
    )
    assert response.status_code == 302
    assert Feedback.objects.count() == 1


def test_a_trusted_origin_is_accepted(article, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://mesoinfo.example"]
    client = Client(headers={"Origin": "https://mesoinfo.example"})
    assert client.post(feedback_url(article), {"helpful": "no"}).status_code == 302


def test_the_feedback_address_opened_on_its_own_leads_to_the_form(client, article):
    response = client.get(feedback_url(article))
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url() + "#feedback"


def test_feedback_is_rate_limited(client, article, settings):
    settings.FEEDBACK_RATE_LIMIT = "2/h"
    for _ in range(2):
        assert client.post(feedback_url(article), {"helpful": "yes"}).status_code == 302
    response = client.post(feedback_url(article), {"helpful": "yes"})
    assert response.status_code == 429
    assert "يُرجى المحاولة لاحقًا" in response.content.decode()
    assert Feedback.objects.count() == 2


def test_feedback_on_a_draft_is_404(client, make_article):
    from content.models import Article

    draft = make_article(status=Article.Status.DRAFT)
    assert client.post(feedback_url(draft), {"helpful": "yes"}).status_code == 404
    assert not Feedback.objects.exists()


@pytest.mark.parametrize("comment", ["I had it on 25/11/2026 and felt fine.", "Read in 2026.10.01"])
def test_a_date_is_not_taken_for_a_phone_number(client, article, comment):
    response = client.post(feedback_url(article), {"helpful": "yes", "comment": comment})
    assert response.status_code == 302
    assert Feedback.objects.get().comment == comment


@pytest.mark.parametrize(
    "comment",
    ["Call 050.123.4567", "Call 050/123/4567", "Call +966 (50) 123-4567", "٠٥٠ ١٢٣ ٤٥٦٧"],
)
def test_a_phone_number_written_any_way_is_refused(client, article, comment):
    response = client.post(feedback_url(article), {"helpful": "no", "comment": comment})
    assert response.status_code == 400
    assert "رقم الهاتف" in response.content.decode()
    assert not Feedback.objects.exists()


@pytest.mark.parametrize(
    "comment",
    ["Updated on 2026-11-24?", "Seen at 10:26:03 on 2026/11/24", "Studies from 2019-2026"],
)
def test_an_iso_date_a_time_or_years_are_not_taken_for_a_phone_number(client, article, comment):
    response = client.post(feedback_url(article), {"helpful": "yes", "comment": comment})
    assert response.status_code == 302
    assert Feedback.objects.get().comment == comment
