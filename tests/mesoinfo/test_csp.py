"""Every page, the admin included, carries a Content Security Policy it actually keeps."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from screener.questions import QUESTION_KEYS
from tests.screener.helpers import answer_all, ready_token

pytestmark = pytest.mark.django_db

EXPECTED = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'self'",
    "object-src": "'none'",
}
SCRIPT = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)


def policy(response):
    header = response["Content-Security-Policy"]
    return {
        name: value.strip()
        for name, _, value in (part.strip().partition(" ") for part in header.split(";"))
    }


def assert_policy_kept(response):
    directives = policy(response)
    for name, value in EXPECTED.items():
        assert directives[name] == value or directives[name].startswith(value + " 'nonce-"), (
            name,
            directives[name],
        )
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    html = response.content.decode()
    nonce = re.search(r"'nonce-([^']+)'", directives["script-src"])
    for attrs in SCRIPT.findall(html):
        if "src=" in attrs or 'type="application/ld+json"' in attrs:
            continue  # a file from our origin, or a data block that is never executed
        assert nonce and f'nonce="{nonce.group(1)}"' in attrs, f"no nonce: {attrs}"
    # Inline styles would need 'unsafe-inline' in style-src: none may be on the page.
    assert not re.search(r"<style\b", html, re.IGNORECASE)
    assert not re.search(r"\sstyle=", html, re.IGNORECASE)


def public_urls(article):
    urls = []
    for language in ("ar", "en"):
        with translation.override(language):
            urls += [
                reverse("content:home"),
                article.category.get_absolute_url(),
                article.get_absolute_url(),
                reverse("search:results") + "?q=" + article.title.split()[0],
                reverse("content:about"),
                reverse("screener:start"),
                reverse("screener:question", args=[1]),
                reverse("screener:consultation"),
                f"/{language}/no-such-page/here/",
            ]
    return urls


def test_public_pages_keep_the_policy(client, article, about_page):
    for url in public_urls(article):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert_policy_kept(response)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_form_answers_keep_the_policy(client, article, language):
    """The pages a form sends back: its error page, and the consultation's "sent" page."""
    with translation.override(language):
        feedback_url = reverse(
            "content:feedback", kwargs={"category": article.category.slug, "slug": article.slug}
        )
        consultation = reverse("screener:consultation")
    feedback_error = client.post(
        feedback_url,
        {"helpful": "maybe", "comment": "x" * 600},
        headers={"Origin": "http://testserver"},
    )
    assert feedback_error.status_code == 400
    assert_policy_kept(feedback_error)
    consultation_error = client.post(consultation, {}, follow=True)  # Post/Redirect/Get
    assert consultation_error.status_code == 400
    assert_policy_kept(consultation_error)
    data = {
        "name": "Layla",
        "phone": "+966501234567",
        "preferred_language": language,
        "preferred_time": "morning",
        "consent_to_contact": "on",
        "website": "",
        "token": ready_token(),
    }
    sent = client.post(consultation, data, follow=True)
    assert sent.redirect_chain[-1][0].endswith("/screener/consultation/sent/")
    assert sent.status_code == 200
    assert_policy_kept(sent)


def test_screener_result_pages_keep_the_policy(client, article):
    outcome = answer_all(client, {"pregnancy": "yes"})
    assert_policy_kept(outcome)
    client.post(reverse("screener:start"))
    for number in range(1, len(QUESTION_KEYS) + 1):
        client.post(reverse("screener:question", args=[number]), {"answer": "n"})
    assert_policy_kept(client.get(reverse("screener:check")))


def test_admin_pages_keep_the_policy(client, editor, article):
    assert_policy_kept(client.get(reverse("admin:login")))
    client.force_login(editor)
    for url in [
        reverse("admin:index"),
        reverse("admin:content_article_changelist"),
        reverse("admin:content_article_add"),
        reverse("admin:content_article_change", args=[article.pk]),
        reverse("admin:content_category_change", args=[article.category.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_policy_kept(response)
