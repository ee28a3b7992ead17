"""Pages, authors and sources go through sign-off: an editor's change waits for a medical
reviewer, and nothing a patient reads changes before then."""

import pytest
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse

from content.models import Author, Page, Source
from editorial.models import ChangeRequest
from tests.forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_editor(editor):
    """An editor who may also change pages and authors (as the clinic may allow)."""
    editor.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="content",
            codename__in=["change_page", "add_page", "change_author", "view_author"],
        )
    )
    return editor


def edit(client, model_name, obj, lang="ar", **changes):
    url = reverse(f"admin:content_{model_name}_change", args=[obj.pk])
    data = form_data(client.get(url).content.decode(), f"{model_name}_form")
    data.update(changes)
    return client.post(url, data, HTTP_ACCEPT_LANGUAGE=lang)


@pytest.mark.parametrize(
    "lang, waits",
    [
        ("ar", "ينتظر تعديلك توقيع الطبيب المراجِع"),
        ("en", "Your change waits for a medical reviewer"),
    ],
)
def test_an_about_page_change_waits_for_sign_off(
    client, page_editor, doctor, about_page, lang, waits
):
    claim = "آمنة تمامًا أثناء الحمل."
    before = client.get(about_page.get_absolute_url()).content.decode()
    client.force_login(page_editor)
    response = edit(client, "page", about_page, lang, body_ar=about_page.body_ar + "\n\n" + claim)
    assert response.status_code == 302
    followed = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert waits in followed
    # Nothing a patient reads changed.
    client.logout()
    assert claim not in client.get(about_page.get_absolute_url()).content.decode()
    assert Page.objects.get(pk=about_page.pk).body_ar == about_page.body_ar
    assert before.count("<h1") == 1
    change = ChangeRequest.objects.get()
    assert set(change.changes) == {"body_ar"} and change.author == page_editor
    # The reviewers hear of it, each by name.
    assert [m.to for m in mail.outbox] == [[doctor.email]]
    # The doctor sees the words added, and sends it back.
    client.force_login(doctor)
    url = reverse("admin:editorial_changerequest_change", args=[change.pk])
    review = client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert "<ins>" in review and "الحمل." in review
    refused = client.post(url, {"_reject": "1", "comment": ""})
    assert refused.status_code == 400
    client.post(url, {"_reject": "1", "comment": "This is not true: remove it."})
    change.refresh_from_db()
    assert change.status == "rejected"
    assert claim not in client.get(about_page.get_absolute_url()).content.decode()
    assert mail.outbox[-1].to == [page_editor.email]


def test_a_reviewer_approves_a_source_change_and_it_is_logged(
    client, editor, doctor, article, source
):
    client.force_login(editor)
    response = edit(client, "source", source, url="https://other-site.example/advert")
    assert response.status_code == 302
    assert Source.objects.get(pk=source.pk).url != "https://other-site.example/advert"
    assert "other-site.example" not in client.get(article.get_absolute_url()).content.decode()
    change = ChangeRequest.objects.get()
    # An editor cannot approve it.
    url = reverse("admin:editorial_changerequest_change", args=[change.pk])
    assert client.post(url, {"_approve": "1"}).status_code == 403
    client.force_login(doctor)
    assert client.post(url, {"_approve": "1"}).status_code == 302
    assert Source.objects.get(pk=source.pk).url == "https://other-site.example/advert"
    entry = LogEntry.objects.get(object_id=str(source.pk))
    assert entry.user == doctor


def test_an_authors_credentials_wait_for_sign_off(client, page_editor, make_article):
    author = Author.objects.create(
        name_ar="سارة", name_en="Sara", role_ar="كاتبة", role_en="Writer"
    )
    client.force_login(page_editor)
    response = edit(client, "author", author, credentials_en="Professor of dermatology")
    assert response.status_code == 302
    assert not Author.objects.get(pk=author.pk).credentials_en
    assert ChangeRequest.objects.filter(status="pending").count() == 1


def test_a_reviewers_own_change_is_its_sign_off(client, doctor, source):
    client.force_login(doctor)
    response = edit(client, "source", source, title="A corrected title")
    assert response.status_code == 302
    assert Source.objects.get(pk=source.pk).title == "A corrected title"
    assert not ChangeRequest.objects.exists()


def test_editors_may_not_delete_what_patients_read(client, editor, source):
    client.force_login(editor)
    url = reverse("admin:content_source_delete", args=[source.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Source.objects.filter(pk=source.pk).exists()


def test_a_sources_note_and_checks_wait_for_sign_off_and_read_as_words(
    client, editor, doctor, article, source
):
    client.force_login(editor)
    url = reverse("admin:content_source_change", args=[source.pk])
    form = client.get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "ملاحظة المحررين" in form and "لا تظهر للمرضى أبدًا" in form
    note = "The address is a PubMed record; the authors were not on it."
    response = edit(client, "source", source, link_kind="copy", note=note, authors_checked="")
    assert response.status_code == 302
    source.refresh_from_db()
    assert (source.link_kind, source.authors_checked, source.note) == ("original", True, "")
    change = ChangeRequest.objects.get()
    assert change.changes["authors_checked"] == {"old": True, "new": False}
    assert change.changes["note"]["new"] == note
    # The reviewer reads the choice and the tick box in words, in her language.
    client.force_login(doctor)
    review_url = reverse("admin:editorial_changerequest_change", args=[change.pk])
    review = client.get(review_url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "سجل للمنشور أو نسخة منه" in review and "المنشور نفسه" in review
    assert "نعم" in review and "<td>copy</td>" not in review and "False" not in review
    assert client.post(review_url, {"_approve": "1"}).status_code == 302
    source.refresh_from_db()
    assert (source.link_kind, source.authors_checked, source.note) == ("copy", False, note)
    page = client.get(article.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert note not in page


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_saving_again_updates_the_one_pending_request(
    client, page_editor, doctor, about_page, lang
):
    """Review D7: three saves of the About page opened three identical requests and sent
    three pairs of e-mails."""
    client.force_login(page_editor)
    first = about_page.body_ar + "\n\nجملة أولى."
    edit(client, "page", about_page, lang, body_ar=first)
    edit(client, "page", about_page, lang, body_ar=first)  # saved again, unchanged
    edit(client, "page", about_page, lang, body_ar=first + " وجملة ثانية.", title_en="About us")
    change = ChangeRequest.objects.get()  # one request, holding the newest text
    assert change.changes["body_ar"]["new"].endswith("وجملة ثانية.")
    assert change.changes["body_ar"]["old"] == about_page.body_ar
    assert change.changes["title_en"]["new"] == "About us"
    assert len(mail.outbox) == 1  # one e-mail to the reviewer
    client.force_login(doctor)
    queue = client.get(
        reverse("admin:editorial_changerequest_changelist"), HTTP_ACCEPT_LANGUAGE=lang
    ).content.decode()
    assert queue.count(f"/admin/editorial/changerequest/{change.pk}/change/") >= 1
    assert f"changerequest/{change.pk + 1}/change/" not in queue
    client.post(
        reverse("admin:editorial_changerequest_change", args=[change.pk]), {"_approve": "1"}
    )
    assert Page.objects.get(pk=about_page.pk).body_ar.endswith("وجملة ثانية.")


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_reception_does_not_see_the_sign_off_queue_and_its_filter_lists_used_kinds(
    client, django_user_model, page_editor, doctor, about_page, lang
):
    """Review D14: reception could open the queue, whose "kind" filter listed ~25 models;
    D15: the heading said "waiting for your signature" to people who cannot sign."""
    from django.contrib.auth.models import Group

    client.force_login(page_editor)
    edit(client, "page", about_page, lang, body_ar=about_page.body_ar + "\n\nجملة.")
    desk = django_user_model.objects.create_user("desk", password="x-long-pass-42", is_staff=True)
    desk.groups.add(Group.objects.get(name="Reception"))
    client.force_login(desk)
    queue = reverse("admin:editorial_changerequest_changelist")
    assert client.get(queue).status_code == 403
    change = ChangeRequest.objects.get()
    url = reverse("admin:editorial_changerequest_change", args=[change.pk])
    assert client.get(url).status_code == 403
    home = client.get("/admin/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert queue not in home
    source = Source.objects.create(title="A review", publisher="A journal", language="en")
    client.force_login(page_editor)
    edit(client, "source", source, lang, title="A review, corrected")
    client.force_login(doctor)
    listing = client.get(queue, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    kinds = listing.split("content_type__id__exact", 1)[1]
    assert {"ar": "صفحة", "en": "page"}[lang] in kinds.lower()
    for unused in ("permission", "access attempt", "content type", "صلاحية"):
        assert unused not in listing
    client.force_login(page_editor)
    report = client.get(
        reverse("admin:content_article_workflow_report"), HTTP_ACCEPT_LANGUAGE=lang
    ).content.decode()
    assert {"ar": "بانتظار التوقيع", "en": "waiting for sign-off"}[lang] in report
    assert "توقيعك" not in report


@pytest.mark.parametrize(
    "lang, usual, other",
    [("ar", "اللغات المعتادة", "لغات أخرى"), ("en", "Usual languages", "Other languages")],
)
def test_a_sources_language_offers_the_likely_ones_first(
    client, doctor, source, lang, usual, other
):
    """Review D20: the list began with every language Django knows."""
    import re

    client.force_login(doctor)
    url = reverse("admin:content_source_change", args=[source.pk])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    select = page.split('name="language"', 1)[1].split("</select>", 1)[0]
    groups = re.findall(r'<optgroup label="([^"]+)">', select)
    assert groups == [usual, other]
    usual_part = select.split("<optgroup", 2)[1]
    assert 'value="ar"' in usual_part and 'value="fr"' in usual_part
    assert 'value="is"' not in usual_part  # Icelandic is among the others
    assert 'value="en" selected' in select


@pytest.mark.parametrize(
    "lang, send, keep, save",
    [
        ("ar", "أرسل التعديل للتوقيع", "أرسل للتوقيع وتابع التعديل", "احفظ"),
        ("en", "Send the change for sign-off", "Send for sign-off and keep editing", "Save"),
    ],
)
def test_the_buttons_say_the_change_goes_to_sign_off_and_keep_editing_stays(
    client, page_editor, doctor, about_page, source, lang, send, keep, save
):
    """Walk 5, item 7: «احفظ» / «احفظ واستمر بالتعديل», and the second went to the list."""
    client.force_login(page_editor)
    for model_name, obj in (("page", about_page), ("source", source)):
        url = reverse(f"admin:content_{model_name}_change", args=[obj.pk])
        form = client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
        assert f'value="{send}"' in form and f'value="{keep}"' in form
        assert f'value="{save}"' not in form
    response = edit(
        client, "page", about_page, lang, body_ar=about_page.body_ar + " تعديل.", _continue="1"
    )
    page_url = reverse("admin:content_page_change", args=[about_page.pk])
    assert response.status_code == 302 and response["Location"] == page_url
    assert ChangeRequest.objects.filter(status="pending").count() == 1
    # Without "keep editing", back to the list, as before.
    response = edit(client, "page", about_page, lang, body_ar=about_page.body_ar + " ثانٍ.")
    assert response["Location"] == reverse("admin:content_page_changelist")
    # A reviewer's save is its own sign-off: the plain buttons.
    client.force_login(doctor)
    form = client.get(page_url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert f'value="{save}"' in form and f'value="{send}"' not in form


@pytest.mark.parametrize(
    "lang, only, whole",
    [("ar", "التغييرات فقط", "النص كاملًا"), ("en", "Changes only", "Whole text")],
)
def test_a_page_sign_off_offers_changes_only(
    client, page_editor, doctor, about_page, lang, only, whole
):
    """Walk 5, item 6: a one-line change to a long page showed the whole page marked up."""
    kept = "فقرة لم يمسّها أحد في هذا التعديل."
    about_page.body_ar = f"{kept}\n\nفقرة ثانية.\n\nفقرة ثالثة قديمة."
    about_page.save()
    client.force_login(page_editor)
    edit(client, "page", about_page, body_ar=about_page.body_ar.replace("قديمة", "جديدة"))
    change = ChangeRequest.objects.get()
    client.force_login(doctor)
    url = reverse("admin:editorial_changerequest_change", args=[change.pk])
    full = client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert f'href="?view=changes">{only}</a>' in full and whole in full
    assert kept in full
    changes = client.get(url, {"view": "changes"}, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert kept not in changes and "…" in changes
    assert "<ins>جديدة.</ins>" in changes and "<del>قديمة.</del>" in changes


@pytest.mark.parametrize(
    "lang, names",
    [
        ("ar", ["العربية", "الإنجليزية", "الفرنسيّة", "الصينيّة", "لغة أخرى"]),
        ("en", ["Arabic", "English", "French", "Chinese", "Other language"]),
    ],
)
def test_a_sources_language_list_is_short(client, doctor, source, lang, names):
    """Walk 5, item 10: not the ~100 languages Django knows; a language a source already
    has stays offered (and selected), so opening its form changes nothing."""
    import re

    from content.models import Source

    Source.objects.create(title="Een overzicht", publisher="Tijdschrift", language="nl")
    client.force_login(doctor)
    url = reverse("admin:content_source_change", args=[source.pk])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    select = page.split('name="language"', 1)[1].split("</select>", 1)[0]
    options = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)
    codes = [code for code, _label in options]
    assert codes[:2] == [code for code, _name in settings.LANGUAGES]
    assert {"fr", "de", "zh", "ja", "fa", "ur", "nl", "und"} <= set(codes)
    assert "is" not in codes and "ast" not in codes and len(codes) < 20
    labels = [label for _code, label in options]
    for name in names:
        assert name in labels, (name, labels)
    assert codes[-1] == "und"
