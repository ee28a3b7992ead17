"""How workflow e-mails and notices name staff: without a gendered verb (walk 5, item 8:
«أعاد ليلى الطبيبة», «أرسل سارة المحررة», «وذكر هذا السبب»), and the site's first versions as
imported with the site (item 11), the sentence built around the deed, not the person."""

import pytest
from django.core import mail

from editorial import notifications
from editorial.models import Revision

pytestmark = pytest.mark.django_db


@pytest.fixture
def named(editor, doctor):
    editor.first_name, editor.last_name = "سارة", "المحررة"
    doctor.first_name, doctor.last_name = "ليلى", "الطبيبة"
    editor.save()
    doctor.save()
    return editor, doctor


def draft(article, editor):
    return Revision.objects.create(
        article=article,
        author=editor,
        content=article.live_revision.content,
        status=Revision.Status.SUBMITTED,
        comment="أضيفي مصدرًا",
    )


def arabic_and_english(message):
    arabic, english = message.body.split("\n\n---\n\n")
    return arabic, english


def test_a_submission_names_the_editor_without_a_verb_of_hers(named, article):
    editor, doctor = named
    notifications.submitted(draft(article, editor), editor)
    (message,) = [m for m in mail.outbox if doctor.email in m.to]
    arabic, english = arabic_and_english(message)
    assert "إلى المراجعة الطبية من حساب سارة المحررة." in arabic
    assert "أرسل" not in arabic
    assert "سارة المحررة submitted" in english


def test_a_send_back_names_the_reviewer_without_a_verb_of_hers(named, article):
    editor, doctor = named
    notifications.sent_back(draft(article, editor), doctor)
    (message,) = mail.outbox
    arabic, english = arabic_and_english(message)
    assert "إلى التحرير، ومعها هذا التعليق من ليلى الطبيبة:" in arabic
    assert "أعاد " not in arabic
    assert "ليلى الطبيبة sent" in english


@pytest.mark.parametrize(
    "action, arabic_said, english_said",
    [
        ("unpublish", "من الموقع على يد ليلى الطبيبة، والسبب المذكور:", "took"),
        ("archive", "على يد ليلى الطبيبة، والسبب المذكور:", "archived"),
    ],
)
def test_taking_offline_names_who_did_it_without_a_verb_of_hers(
    named, article, action, arabic_said, english_said
):
    editor, doctor = named
    article.live_revision.author = editor
    article.live_revision.save()
    notifications.taken_offline(article, doctor, action, "قديمة")
    (message,) = mail.outbox
    arabic, english = arabic_and_english(message)
    assert arabic_said in arabic and "وذكر" not in arabic
    assert f"ليلى الطبيبة {english_said}" in english


@pytest.mark.parametrize(
    "code, imported",
    [("ar", "النسخة الأولى المستوردة مع الموقع"), ("en", "First version, imported with the site")],
)
def test_the_first_versions_are_credited_to_the_import_not_to_files(
    client, admin_user, article, code, imported
):
    """Walk 5, item 11: the site's first versions were credited to «ملفات المحتوى»."""
    from django.urls import reverse

    Revision.objects.filter(article=article).update(author=None)
    client.force_login(admin_user)
    url = reverse("admin:content_article_history", args=[article.pk])
    html = client.get(url, HTTP_ACCEPT_LANGUAGE=code).content.decode()
    assert imported in html
    assert "ملفات المحتوى" not in html and "corpus files" not in html


def test_sign_off_e_mails_name_staff_without_a_verb_of_theirs(client, named, source):
    from django.urls import reverse

    from editorial.models import ChangeRequest
    from tests.forms import form_data

    editor, doctor = named
    url = reverse("admin:content_source_change", args=[source.pk])
    client.force_login(editor)
    data = form_data(client.get(url).content.decode(), "source_form")
    data["url"] = "https://example.org/another-address"
    client.post(url, data)
    arabic, english = arabic_and_english(mail.outbox[-1])
    assert "اقتُرح من حساب سارة المحررة تعديل على" in arabic and "اقترح " not in arabic
    client.force_login(doctor)
    review = reverse("admin:editorial_changerequest_change", args=[ChangeRequest.objects.get().pk])
    client.post(review, {"_reject": "1", "comment": "المصدر غير موثوق."})
    arabic, english = arabic_and_english(mail.outbox[-1])
    assert "ومعه هذا التعليق من ليلى الطبيبة:" in arabic and "أعاد " not in arabic
    assert "ليلى الطبيبة sent back your change" in english
