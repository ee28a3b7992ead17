"""The audit log names exactly the fields a save changed, in the reader's language (walk 5,
item 3: it named both bodies for an Arabic-only edit, and the bodies for a date change)."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from content.models import Article
from tests.forms import form_data

pytestmark = pytest.mark.django_db
AUDIT = "/admin/editorial/auditlog/"
LABELS = {
    "ar": {
        "body_ar": "النص (العربية)",
        "body_en": "النص (الإنجليزية)",
        "date": "موعد الظهور على الموقع",
        "none": "لم يتم تغيير أية حقول.",
    },
    "en": {
        "body_ar": "Body (Arabic)",
        "body_en": "Body (English)",
        "date": "go-live date",
        "none": "No fields changed.",
    },
}


def change_url(article):
    return reverse("admin:content_article_change", args=[article.pk])


def edit(client, article, **changes):
    page = client.get(change_url(article))
    data = form_data(page.content.decode(), "article_form")
    data.update(changes)
    # As a browser sends a textarea: every line ends in CR LF.
    data = {
        name: value.replace("\r\n", "\n").replace("\n", "\r\n") if isinstance(value, str) else value
        for name, value in data.items()
    }
    return client.post(change_url(article), data)


def last_details(client, admin_user, article, code):
    """The newest audit log row's details for the article, as an administrator reads it."""
    client.force_login(admin_user)
    html = client.get(AUDIT, HTTP_ACCEPT_LANGUAGE=code).content.decode()
    return html.split('class="field-details">')[1].split("</td>")[0]


@pytest.mark.parametrize("code", ["ar", "en"])
def test_an_arabic_only_edit_lists_only_the_arabic_body(client, editor, admin_user, article, code):
    client.force_login(editor)
    assert edit(client, article, body_ar=article.body_ar + "\n\nفقرة جديدة.").status_code == 302
    details = last_details(client, admin_user, article, code)
    assert LABELS[code]["body_ar"].lower() in details.lower()
    assert LABELS[code]["body_en"].lower() not in details.lower()
    if code == "ar":
        assert "Body" not in details


@pytest.mark.parametrize("code", ["ar", "en"])
def test_a_go_live_date_change_lists_only_the_date(
    client, editor, doctor, admin_user, article, code
):
    client.force_login(editor)
    edit(client, article, body_en="## A subheading\n\nApproved text.", _submit="1")
    revision = Article.objects.get(pk=article.pk).latest_revision
    client.force_login(doctor)
    review = reverse("admin:content_article_review", args=[article.pk, revision.pk])
    client.post(review, {"_approve_only": "1"})
    go_live = timezone.localtime(timezone.now() + timedelta(days=1))
    edit(
        client,
        article,
        published_at_0=go_live.strftime("%Y-%m-%d"),
        published_at_1=go_live.strftime("%H:%M:%S"),
        _publish_approved="1",
    )
    entry = LogEntry.objects.filter(object_id=str(article.pk)).latest("pk")
    assert entry.user == doctor
    details = last_details(client, admin_user, article, code)
    assert LABELS[code]["date"].lower() in details.lower()
    for body in ("body_ar", "body_en"):
        assert LABELS[code][body].lower() not in details.lower()


@pytest.mark.parametrize("code", ["ar", "en"])
def test_a_republish_lists_no_body(client, admin_user, article, code):
    client.force_login(admin_user)
    assert edit(client, article, _publish="1").status_code == 302
    details = last_details(client, admin_user, article, code)
    for body in ("body_ar", "body_en"):
        assert LABELS[code][body].lower() not in details.lower()
    assert LABELS[code]["none"] in details


@pytest.mark.parametrize("approver_lang", ["ar", "en"])
def test_a_signed_off_change_is_logged_in_each_readers_language(
    client, editor, doctor, admin_user, source, approver_lang
):
    """Whoever approves, in whatever language, the log names the field in its reader's."""
    from editorial.models import ChangeRequest

    url = reverse("admin:content_source_change", args=[source.pk])
    client.force_login(editor)
    data = form_data(client.get(url).content.decode(), "source_form")
    data["url"] = "https://example.org/another-address"
    client.post(url, data)
    change = ChangeRequest.objects.get()
    client.force_login(doctor)
    review = reverse("admin:editorial_changerequest_change", args=[change.pk])
    client.post(review, {"_approve": "1"}, HTTP_ACCEPT_LANGUAGE=approver_lang)
    for code, label in (("ar", "الرابط"), ("en", "Web address")):
        details = last_details(client, admin_user, source, code)
        assert label in details, (code, details)
