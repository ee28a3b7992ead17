"""Review walk 5 #1: looking at an article never locks it; starting to edit does."""

import pytest
from django.urls import reverse

from editorial.models import EditLock
from tests.forms import form_data


def change_url(article):
    return reverse("admin:content_article_change", args=[article.pk])


def lock_url(article):
    return reverse("admin:content_article_lock", args=[article.pk])


FREE = {
    "ar": "لا أحد يحرر هذه المقالة الآن.",
    "en": "Nobody is editing this article.",
}
BUTTON = {"ar": "احجز المقالة للتحرير", "en": "Lock for editing"}
MINE = {"ar": "أنت تحرر هذه المقالة منذ", "en": "You have been editing this article since"}


@pytest.mark.parametrize("code", ["ar", "en"])
def test_opening_the_form_does_not_lock(client, doctor, editor, article, code):
    client.force_login(doctor)
    html = client.get(change_url(article), HTTP_ACCEPT_LANGUAGE=code).content.decode()
    assert not EditLock.objects.exists()
    assert FREE[code] in html and BUTTON[code] in html
    assert 'formaction="' + lock_url(article) + '"' in html
    # The editor who comes next sees no notice and saves.
    client.force_login(editor)
    page = client.get(change_url(article), HTTP_ACCEPT_LANGUAGE=code).content.decode()
    assert FREE[code] in page
    data = form_data(page, "article_form")
    data["body_en"] = "The editor's text."
    assert client.post(change_url(article), data).status_code == 302


@pytest.mark.parametrize("code", ["ar", "en"])
def test_the_first_edit_locks_and_the_banner_says_so(client, editor, doctor, article, code):
    client.force_login(editor)
    response = client.post(lock_url(article), HTTP_ACCEPT="application/json")
    assert response.json() == {"locked": True}
    assert EditLock.objects.get().holder == editor
    html = client.get(change_url(article), HTTP_ACCEPT_LANGUAGE=code).content.decode()
    assert MINE[code] in html and BUTTON[code] not in html
    # Someone else's first keystroke is refused while she edits.
    client.force_login(doctor)
    refused = client.post(lock_url(article), HTTP_ACCEPT="application/json")
    assert refused.status_code == 409
    assert EditLock.objects.get().holder == editor


@pytest.mark.parametrize(
    "code, told",
    [
        ("ar", "أنت الآن تحرر هذه المقالة"),
        ("en", "You are now editing this article"),
    ],
)
def test_without_javascript_the_button_locks(client, editor, article, code, told):
    client.force_login(editor)
    response = client.post(lock_url(article), HTTP_ACCEPT_LANGUAGE=code, follow=True)
    assert told in response.content.decode()
    assert EditLock.objects.get().holder == editor


def test_save_draft_takes_and_keeps_the_lock_without_javascript(client, editor, article):
    client.force_login(editor)
    data = form_data(client.get(change_url(article)).content.decode(), "article_form")
    data.update(body_en="Typed without JavaScript.", _continue="1")
    assert client.post(change_url(article), data).status_code == 302
    assert EditLock.objects.get().holder == editor
    # Saving and leaving lets go of it.
    data = form_data(client.get(change_url(article)).content.decode(), "article_form")
    data.update(body_en="Typed again.")
    data.pop("_continue", None)
    assert client.post(change_url(article), data).status_code == 302
    assert not EditLock.objects.exists()


@pytest.mark.parametrize("code", ["ar", "en"])
def test_the_open_form_learns_of_a_take_over(client, editor, doctor, article, code):
    """Walk 6 #4: the displaced editor's form kept saying "you are editing"; when she looks
    at it again, it asks who holds the lock."""
    client.force_login(editor)
    client.post(lock_url(article), HTTP_ACCEPT="application/json")
    html = client.get(change_url(article), HTTP_ACCEPT_LANGUAGE=code).content.decode()
    assert f'data-status-url="{lock_url(article)}?status"' in html
    status = client.get(lock_url(article), HTTP_ACCEPT_LANGUAGE=code)
    assert status.json() == {"taken_over": False}
    assert EditLock.objects.get().holder == editor  # asking never locks nor moves it
    client.force_login(doctor)
    take_over = reverse("admin:content_article_take_over", args=[article.pk])
    client.post(take_over)
    client.force_login(editor)
    answer = client.get(lock_url(article), HTTP_ACCEPT_LANGUAGE=code).json()
    assert answer["taken_over"] is True
    told = answer["message"].replace("\u2066", "").replace("\u2069", "")
    name = doctor.get_full_name() or doctor.get_username()
    assert answer["holder"] == name and name in told
    kept = {"ar": "ما كتبته باقٍ في هذا النموذج", "en": "Your typed text is kept"}
    assert kept[code] in told
    took = {"ar": "تحرير هذه المقالة الساعة", "en": "took over editing at"}
    assert took[code] in told
    assert EditLock.objects.get().holder == doctor
