"""The editorial workflow: drafts beside the live page, sign-off, compare, history, mail."""

import datetime as dt
import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from content.models import Article, Source
from editorial import workflow
from editorial.models import EditLock, Revision
from tests.bidi_check import without_isolates
from tests.forms import form_data

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:content_article_change", args=[article.pk])


def lock_url(article):
    return reverse("admin:content_article_lock", args=[article.pk])


def public(client, article, code):
    with translation.override(code):
        url = article.get_absolute_url()
    html = client.get(url).content
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", html)


def edit(client, article, **changes):
    """Open the edit form, change fields, press a button; return the response."""
    page = client.get(change_url(article))
    data = form_data(page.content.decode(), "article_form")
    data.update(changes)
    return client.post(change_url(article), data)


def test_a_draft_leaves_the_public_page_byte_for_byte_unchanged(client, editor, article):
    before = {code: public(client, article, code) for code in ("ar", "en")}
    client.force_login(editor)
    response = edit(client, article, title_ar="عنوان المسودة", body_en="Draft text.")
    assert response.status_code == 302
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages == ["حُفظت المسودة، ولم تتغير الصفحة التي يراها الزوار."]
    client.logout()
    assert {code: public(client, article, code) for code in ("ar", "en")} == before
    article.refresh_from_db()
    assert article.has_unpublished_changes and article.title_ar != "عنوان المسودة"
    # The edit form loads the draft, not the live text.
    client.force_login(editor)
    assert "عنوان المسودة" in client.get(change_url(article)).content.decode()


def test_preview_is_staff_only_noindex_never_cached_and_shows_the_draft(client, editor, article):
    client.force_login(editor)
    edit(client, article, title_en="A previewed title")
    article.refresh_from_db()
    url = reverse(
        "admin:content_article_preview_page", args=[article.pk, article.latest_revision_id, "en"]
    )
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>A previewed title</h1>" in html and 'lang="en"' in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"].startswith("noindex")
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    arabic = client.get(url.replace("/en/", "/ar/")).content.decode()
    assert 'dir="rtl"' in arabic and article.title_ar in arabic
    client.logout()
    assert client.get(url).status_code == 302  # to the admin's sign-in page
    assert "/login/" in client.get(url)["Location"]
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/preview/" not in sitemap


def test_preview_of_a_never_published_article(client, editor, article_form):
    client.force_login(editor)
    client.post("/admin/content/article/add/", article_form)
    article = Article.objects.get(slug_en="a-new-article")
    assert article.status == "draft" and not article.is_public
    url = reverse("admin:content_article_preview", args=[article.pk, article.latest_revision_id])
    frame = client.get(url + "?lang=en&view=phone").content.decode()
    assert 'width="375"' in frame
    page = client.get(
        reverse(
            "admin:content_article_preview_page",
            args=[article.pk, article.latest_revision_id, "en"],
        )
    )
    assert "<h1>A new article</h1>" in page.content.decode()


def submit(client, article, **changes):
    return edit(client, article, _submit="1", **changes)


def schedule_new_version(client, editor, doctor, article):
    """The editor's new version of a live article, approved by the doctor, then scheduled
    for tomorrow (as in the walks); the doctor stays signed in. Returns the version and its
    go-live time."""
    client.force_login(editor)
    submit(client, article, body_en="The new aftercare text.")
    submitted = Article.objects.get(pk=article.pk).latest_revision
    client.force_login(doctor)
    review = reverse("admin:content_article_review", args=[article.pk, submitted.pk])
    client.post(review, {"_approve_only": "1"})
    go_live = timezone.localtime(timezone.now() + timedelta(days=1))
    edit(
        client,
        article,
        published_at_0=go_live.strftime("%Y-%m-%d"),
        published_at_1=go_live.strftime("%H:%M:%S"),
        _publish_approved="1",
    )
    return submitted, go_live


def test_sign_off_journey_with_send_back_and_named_review(client, editor, doctor, article, commit):
    Article.objects.filter(pk=article.pk).update(last_reviewed=date(2026, 1, 1))
    client.force_login(editor)
    assert submit(client, article, body_en="## A subheading\n\nA first try.").status_code == 302
    revision = Article.objects.get(pk=article.pk).latest_revision
    assert revision.status == "submitted"

    client.force_login(doctor)
    home = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    review_url = reverse("admin:content_article_review", args=[article.pk, revision.pk])
    assert review_url in home and "بانتظار مراجعتك" in home
    compare = client.get(review_url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<del>The article&#x27;s English text.</del>" in compare.replace("&#x27;", "&#x27;")
    assert "<ins>A first try.</ins>" in compare
    client.post(review_url, {"_send_back": "1", "comment": "Cite the review for this claim."})

    client.force_login(editor)
    assert "Cite the review for this claim." in without_isolates(
        client.get("/admin/").content.decode()
    )
    assert "Cite the review for this claim." in without_isolates(
        client.get(change_url(article)).content.decode()
    )
    submit(client, article, body_en="## A subheading\n\nA better text, with its source.")
    revision = Article.objects.get(pk=article.pk).latest_revision
    assert "Cite the review" not in client.get("/admin/").content.decode()
    client.logout()
    assert b"A better text" not in public(client, article, "en")

    client.force_login(doctor)
    review_url = reverse("admin:content_article_review", args=[article.pk, revision.pk])
    with commit():
        assert client.post(review_url, {"_approve": "1"}).status_code == 302
    client.logout()
    html = public(client, article, "en").decode()
    assert "A better text, with its source." in html
    today = timezone.localdate()
    assert "Dr Salma Haddad" in html and today.isoformat() in html
    assert Article.objects.get(pk=article.pk).last_reviewed == today


def test_a_review_is_named_only_for_a_text_the_doctors_account_approved(
    client, make_article, admin_user
):
    unapproved = make_article(approved=False)
    assert not unapproved.has_named_review
    html = public(client, unapproved, "ar").decode()
    assert "د. سلمى حداد" not in html and "لم تتم المراجعة" in html
    approved = make_article()
    assert approved.has_named_review
    # An administrator publishing it does not sign in the doctor's name.
    revision = Revision.objects.create(article=approved, content=approved.live_revision.content)
    from editorial.workflow import approve_and_publish

    approve_and_publish(revision, admin_user)
    approved.refresh_from_db()
    assert not approved.has_named_review


@pytest.mark.parametrize("button", ["_publish"])
def test_an_editor_cannot_publish_unpublish_delete_or_edit_reviewers(
    client, editor, article, reviewer, button
):
    client.force_login(editor)
    html = client.get(change_url(article)).content.decode()
    assert 'name="_publish"' not in html and "unpublish" not in html
    assert 'class="deletelink"' not in html
    assert edit(client, article, **{button: "1", "title_en": "Sneaky"}).status_code == 403
    assert Article.objects.get(pk=article.pk).title_en != "Sneaky"
    unpublish = reverse("admin:content_article_action", args=[article.pk, "unpublish"])
    assert client.post(unpublish).status_code == 403
    archive = reverse("admin:content_article_action", args=[article.pk, "archive"])
    assert client.post(archive).status_code == 403  # a live article: that is unpublishing
    delete = reverse("admin:content_article_delete", args=[article.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    review = reverse("admin:content_article_review", args=[article.pk, article.latest_revision_id])
    assert client.post(review, {"_approve": "1"}).status_code == 403
    reviewer_url = reverse("admin:content_reviewer_change", args=[reviewer.pk])
    assert 'name="_save"' not in client.get(reviewer_url).content.decode()  # read only
    assert client.post(reviewer_url, {"name_ar": "x", "name_en": "x"}).status_code == 403
    assert Article.objects.get(pk=article.pk).is_public


@pytest.mark.parametrize(
    "code, asks, refusal, state",
    [
        ("ar", "إزالة هذه المقالة من الموقع؟", "اذكر السبب", "خارج الموقع (أُلغي نشرها)"),
        ("en", "Take this article off the site?", "Say why", "Off the site (unpublished)"),
    ],
)
def test_unpublishing_asks_for_confirmation_and_a_reason_and_logs_it(
    client, doctor, editor, article, code, asks, refusal, state
):
    from django.contrib.admin.models import LogEntry

    Revision.objects.filter(pk=article.live_revision_id).update(author=editor)
    client.force_login(doctor)
    form = client.get(change_url(article), HTTP_ACCEPT_LANGUAGE=code).content.decode()
    unpublish = reverse("admin:content_article_action", args=[article.pk, "unpublish"])
    # The button leads to a question, not to the deed.
    assert f'href="{unpublish}"' in form and f'formaction="{unpublish}"' not in form
    page = client.get(unpublish, HTTP_ACCEPT_LANGUAGE=code)
    assert page.status_code == 200 and asks in page.content.decode()
    assert client.get(article.get_absolute_url()).status_code == 200
    refused = client.post(unpublish, {"reason": "  "}, HTTP_ACCEPT_LANGUAGE=code)
    assert refused.status_code == 400 and refusal in refused.content.decode()
    assert Article.objects.get(pk=article.pk).is_public
    done = client.post(unpublish, {"reason": "Dosage under discussion"})
    assert done.status_code == 302
    assert client.get(article.get_absolute_url()).status_code == 404
    entry = LogEntry.objects.get(object_id=str(article.pk))
    assert entry.user == doctor and "Dosage under discussion" in entry.change_message
    # The status line agrees with itself: no "Draft ... newest version: Published".
    html = client.get(change_url(article), HTTP_ACCEPT_LANGUAGE=code).content.decode()
    assert state in html
    line = re.search(r'<p>.*?class="workflow-state".*?</p>', html, re.S).group(0)
    assert ("Published," not in line) and ("منشورة،" not in line)
    # Who worked on the article hears of it, with the reason and who did it.
    (message,) = [m for m in mail.outbox if "Dosage under discussion" in m.body]
    assert message.to == [editor.email]  # not the reviewer who did it
    assert "على يد \u2066dr-haddad\u2069، والسبب المذكور" in message.body
    assert "dr-haddad took" in message.body


def test_archive_and_restore_keep_a_consistent_status(client, doctor, article):
    client.force_login(doctor)
    archive = reverse("admin:content_article_action", args=[article.pk, "archive"])
    assert client.post(archive, {"reason": "Replaced by a newer article"}).status_code == 302
    restore = reverse("admin:content_article_action", args=[article.pk, "restore"])
    assert client.post(restore, {"reason": "Needed again"}).status_code == 302
    html = client.get(change_url(article), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    # Off the site, its text back in review (walk 5 #16); the live version's history stays.
    assert "In review" in html
    article.refresh_from_db()
    assert article.status == "draft" and article.latest_revision.status == "submitted"
    assert article.live_revision.status == "published"


def test_history_after_changing_only_the_review_date_shows_only_that_field(client, editor, article):
    client.force_login(editor)
    edit(client, article, next_review_due="2028-01-15")
    html = client.get(
        reverse("admin:content_article_history", args=[article.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    cells = re.findall(r'<td class="changed-fields">(.*?)</td>', html, re.S)
    assert cells[0].strip() == "next review due"


def test_revert_restores_text_sources_and_category(client, editor, doctor, article, category):
    other = Source.objects.create(title="Another source", publisher="Other", language="en")
    original = article.live_revision
    client.force_login(editor)
    edit(client, article, title_en="Changed title", sources=[str(other.pk)])
    article.refresh_from_db()
    assert article.latest_revision.content["sources"] == [other.pk]
    revert = reverse("admin:content_article_revert", args=[article.pk, original.pk])
    assert client.post(revert).status_code == 302
    article.refresh_from_db()
    restored = article.latest_revision.content
    assert restored["title_en"] == original.content["title_en"]
    assert restored["sources"] == original.content["sources"]
    assert restored["category"] == category.pk
    form = client.get(change_url(article)).content.decode()
    assert original.content["title_en"] in form


def test_an_archived_article_leaves_the_site_and_comes_back(client, editor, make_article):
    article = make_article(status=Article.Status.DRAFT)
    client.force_login(editor)
    archive = reverse("admin:content_article_action", args=[article.pk, "archive"])
    assert client.post(archive).status_code == 400  # a reason is asked for
    assert client.post(archive, {"reason": "Duplicate"}).status_code == 302
    article.refresh_from_db()
    assert article.status == "archived"
    listing = client.get("/admin/content/article/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Archived" in listing
    restore = reverse("admin:content_article_action", args=[article.pk, "restore"])
    assert client.post(restore, {"reason": "Needed"}).status_code == 403  # reviewers restore


def test_a_stale_save_is_refused_and_the_typed_text_is_kept(
    client, editor, article, django_user_model
):
    other = django_user_model.objects.create_user(
        username="second", first_name="Huda", last_name="Saleh", is_staff=True
    )
    other.groups.add(Group.objects.get(name="Content editors"))
    client.force_login(editor)
    stale = form_data(client.get(change_url(article)).content.decode(), "article_form")
    # The editor's form was left alone long enough for the lock to lapse (review D6: a
    # lock still in force refuses the other editor's save).
    EditLock.objects.update(seen_at=timezone.now() - timedelta(hours=1))
    client.force_login(other)
    edit(client, article, title_en="The other editor's title")
    client.force_login(editor)
    stale["body_en"] = "My carefully typed paragraph."
    response = client.post(change_url(article), stale, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Huda Saleh saved a newer version" in html
    assert "My carefully typed paragraph." in html
    # The other editor's save time in the clinic's zone, as the status line shows it.
    saved = Article.objects.get(pk=article.pk).latest_revision.created_at
    with translation.override("en"):
        local = date_format(timezone.localtime(saved), "DATETIME_FORMAT")
        utc = date_format(saved.astimezone(dt.UTC), "DATETIME_FORMAT")
    assert local != utc and f"on {local}, after you opened it" in html
    assert html.count(local) >= 2  # the status line and the conflict message agree
    assert (
        reverse("admin:content_article_compare", args=[article.pk, article.latest_revision_id, 0])[
            :-6
        ]
        in html
    )
    assert Article.objects.get(pk=article.pk).latest_revision.author == other


def test_scheduled_and_expired_articles(client, editor, make_article):
    later = make_article(published_at=timezone.now() + timedelta(days=2))
    gone = make_article(expires_at=timezone.now() - timedelta(minutes=1))
    live = make_article()
    client.force_login(editor)
    listing = client.get("/admin/content/article/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Scheduled" in listing and "Live" in listing
    client.logout()
    assert client.get(gone.get_absolute_url()).status_code == 404
    assert client.get(later.get_absolute_url()).status_code == 404
    assert client.get(live.get_absolute_url()).status_code == 200
    sitemap = client.get("/sitemap.xml").content.decode()
    assert live.slug_en in sitemap and gone.slug_en not in sitemap


def test_next_review_must_be_after_last_review(client, editor, article):
    client.force_login(editor)
    response = edit(client, article, last_reviewed="2027-01-01", next_review_due="2026-12-01")
    assert response.status_code == 200
    assert "يجب أن يكون موعد المراجعة التالية بعد" in response.content.decode()


def test_workflow_email_leaves_only_when_the_change_is_committed(
    client, editor, doctor, article, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submit(client, article, body_en="## A subheading\n\nVersion one.")
    assert mail.outbox == [] and callbacks  # nothing is sent before the commit
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1


def test_one_email_per_event_without_health_data(client, editor, doctor, article, settings):
    settings.SITE_URL = "https://clinic.example"
    client.force_login(editor)
    submit(client, article, body_en="## A subheading\n\nVersion one.")
    assert len(mail.outbox) == 1 and mail.outbox[0].bcc + mail.outbox[0].to == [doctor.email]
    revision = Article.objects.get(pk=article.pk).latest_revision
    client.force_login(doctor)
    review = reverse("admin:content_article_review", args=[article.pk, revision.pk])
    client.post(review, {"_send_back": "1", "comment": "Shorter, please."})
    assert len(mail.outbox) == 2 and mail.outbox[1].to == [editor.email]
    client.force_login(editor)
    submit(client, article, body_en="## A subheading\n\nVersion two.")
    revision = Article.objects.get(pk=article.pk).latest_revision
    client.force_login(doctor)
    review = reverse("admin:content_article_review", args=[article.pk, revision.pk])
    client.post(review, {"_approve": "1"})
    subjects = [message.subject for message in mail.outbox]
    assert len(subjects) == 4  # submitted, sent back, submitted, approved and published
    assert "Published" in subjects[3] and mail.outbox[3].to == [editor.email]
    assert "dr-haddad, the article's medical reviewer, approved" in mail.outbox[3].body
    assert "sent “" in mail.outbox[1].body and "dr-haddad sent" in mail.outbox[1].body
    assert "editor submitted" in mail.outbox[0].body
    for message in mail.outbox:
        assert message.body.count("https://clinic.example/admin/content/article/") == 2
        assert len(message.to) == 1 and not message.bcc
        for private in ("phone", "answers", "+966", "consultation"):
            assert private not in message.body.lower()


@pytest.mark.django_db(transaction=True)
def test_overdue_reminders_command(make_article, doctor):
    make_article(next_review_due=timezone.localdate() - timedelta(days=1))
    make_article(next_review_due=timezone.localdate() + timedelta(days=100))
    call_command("send_review_reminders", verbosity=0)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [doctor.email] and "overdue" in mail.outbox[0].subject


def test_dashboard_counts_new_consultation_requests_for_those_allowed(
    client, editor, django_user_model
):
    from screener.models import ConsultationRequest

    reception = django_user_model.objects.create_user(username="desk", is_staff=True)
    reception.groups.add(Group.objects.get(name="Reception"))
    ConsultationRequest.objects.create(
        name="x", phone="+966500000000", preferred_language="ar", preferred_time="any"
    )
    client.force_login(reception)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "1 new request" in html
    client.force_login(editor)
    assert "new request" not in client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


@pytest.mark.parametrize("revisions", [1, 12])
def test_public_page_queries_do_not_grow_with_revisions(
    client, article, editor, django_assert_num_queries, revisions
):
    from editorial.workflow import save_revision, snapshot_of_row

    for _ in range(revisions):
        save_revision(article, snapshot_of_row(article), editor)
    url = article.get_absolute_url()
    client.get(url + "?nocache=0")  # the clinic profile, then held in the cache
    with django_assert_num_queries(3):
        assert client.get(url + "?nocache=1").status_code == 200


def test_any_two_revisions_can_be_compared(client, editor, article):
    client.force_login(editor)
    edit(client, article, title_en="Second title")
    edit(client, article, title_en="Third title")
    first = article.live_revision
    latest = Article.objects.get(pk=article.pk).latest_revision
    history = reverse("admin:content_article_history", args=[article.pk])
    response = client.get(history, {"old": first.pk, "new": latest.pk})
    assert response.status_code == 302
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<ins>Third title</ins>" in page and f"<del>{article.title_en}</del>" in page
    assert client.get(history, {"old": 0, "new": 999999}).status_code == 404


def test_an_expiry_date_ends_the_cached_version_in_time(make_article):
    from content.cache import seconds_to_next_publication

    make_article(expires_at=timezone.now() + timedelta(seconds=90))
    assert seconds_to_next_publication() <= 91


def test_an_administrators_publish_is_not_called_a_medical_approval(
    client, editor, admin_user, article_form
):
    admin_user.email = "admin@example.org"
    admin_user.save()
    client.force_login(editor)
    client.post("/admin/content/article/add/", article_form)
    article = Article.objects.latest("pk")
    client.force_login(admin_user)
    response = edit(client, article, _publish="1")
    assert response.status_code == 302
    said = [str(m) for m in get_messages(response.wsgi_request)]
    assert said == ["نُشرت المقالة. تُظهر الصفحة أن مراجعتها الطبية لم تتم بعد."]
    (message,) = mail.outbox
    assert message.to == [editor.email]
    assert "No medical reviewer has approved this version." in message.body
    assert "لم يعتمد أي مراجع طبي هذه النسخة." in message.body
    for claim in ("approved “", "اعتمد المراجع", "medical reviewer approved"):
        assert claim not in message.body


def test_a_scheduled_article_is_announced_when_it_goes_live(client, editor, doctor, make_article):
    later = timezone.now() + timedelta(hours=2)
    article = make_article(status=Article.Status.DRAFT)
    Revision.objects.filter(article=article).update(author=editor)
    client.force_login(doctor)
    go_live = timezone.localtime(later)
    response = edit(
        client,
        article,
        published_at_0=go_live.strftime("%Y-%m-%d"),
        published_at_1=go_live.strftime("%H:%M:%S"),
        _publish="1",
    )
    assert response.status_code == 302
    said = str(list(get_messages(response.wsgi_request))[0])
    assert said.startswith("اعتُمدت المقالة، وستُنشر في")
    (scheduled,) = mail.outbox
    assert scheduled.subject.startswith("مجدولة:") and "now on the site" not in scheduled.body
    assert "It goes live on" in scheduled.body
    call_command("announce_go_live", verbosity=0)
    assert len(mail.outbox) == 1  # not live yet: nothing announced
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now())
    call_command("announce_go_live", verbosity=0)
    call_command("announce_go_live", verbosity=0)
    announced = mail.outbox[1:]  # once only, one message for each person concerned
    assert sorted(m.to[0] for m in announced) == [doctor.email, editor.email]
    for message in announced:
        assert message.subject.startswith("نُشرت الآن:") and "went live on" in message.body


def test_the_delete_confirmation_is_in_plain_words(client, doctor, article):
    client.force_login(doctor)
    delete = reverse("admin:content_article_delete", args=[article.pk])
    html = client.get(delete, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    saved = article.live_revision.created_at
    with translation.override("ar"):
        utc = date_format(saved.astimezone(dt.UTC), "DATETIME_FORMAT")
        versions = str(Revision._meta.verbose_name_plural)
    assert utc not in html  # no UTC times (versions are counted, not listed)
    assert f"{versions}: 1" in html
    assert "لا، تراجع" in html and "لا, تراجع" not in html
    # Plain items: what goes with the article by kind and number, no technical rows.
    assert "مستند البحث" not in html and "الرابط رقم" not in html
    assert "(ar)" not in html


@pytest.mark.parametrize(
    "code, notice, refused",
    [
        ("ar", "هذه المقالة للتحرير منذ", "لم تُحفظ: تولّى د. سلمى"),
        (
            "en",
            "has had this article open for editing since",
            "Not saved: Dr Salma Haddad took over",
        ),
    ],
)
def test_a_second_editor_is_told_and_a_reviewer_may_take_over(
    client, editor, doctor, article, code, notice, refused
):
    from django.contrib.admin.models import LogEntry

    editor.first_name, editor.last_name = "Maha", "Nasser"
    editor.save()
    doctor.first_name, doctor.last_name = "د. سلمى" if code == "ar" else "Dr Salma", "Haddad"
    doctor.save()
    client.force_login(editor)
    opened = client.get(change_url(article), HTTP_ACCEPT_LANGUAGE=code)
    assert notice not in opened.content.decode()  # nobody else has it open
    mine = form_data(opened.content.decode(), "article_form")
    client.post(lock_url(article))  # she starts typing
    client.force_login(doctor)
    html = client.get(change_url(article), HTTP_ACCEPT_LANGUAGE=code).content.decode()
    assert notice in html and "Maha Nasser" in html
    with translation.override(code):
        since = date_format(timezone.localtime(timezone.now()), "DATETIME_FORMAT")
    assert since[:6] in html
    take_over = reverse("admin:content_article_take_over", args=[article.pk])
    assert 'formaction="' + take_over + '"' in html
    assert client.post(take_over).status_code == 302
    assert LogEntry.objects.filter(object_id=str(article.pk)).exists()
    # The editor's save is refused now, their text kept; the doctor's goes through.
    client.force_login(editor)
    mine["body_en"] = "My paragraph."
    response = client.post(change_url(article), mine, HTTP_ACCEPT_LANGUAGE=code)
    assert response.status_code == 200
    assert refused in response.content.decode() and "My paragraph." in response.content.decode()
    # An editor cannot take over.
    assert client.post(take_over).status_code == 403
    client.force_login(doctor)
    assert edit(client, article, body_en="Doctor's text.").status_code == 302


@pytest.mark.parametrize("code, label", [("ar", "التغييرات فقط"), ("en", "Changes only")])
def test_the_review_can_show_the_changes_only(client, editor, doctor, make_article, code, label):
    paragraphs = [f"Paragraph number {n} says something long enough." for n in range(1, 30)]
    article = make_article(body_en="\n\n".join(paragraphs))
    changed = paragraphs.copy()
    changed[14] = "Paragraph number 15 says something new and important."
    client.force_login(editor)
    submit(client, article, body_en="\n\n".join(changed))
    revision = Article.objects.get(pk=article.pk).latest_revision
    client.force_login(doctor)
    review = reverse("admin:content_article_review", args=[article.pk, revision.pk])
    whole = client.get(review, HTTP_ACCEPT_LANGUAGE=code).content.decode()
    assert label in whole and "Paragraph number 3 says" in whole
    only = client.get(review, {"view": "changes"}, HTTP_ACCEPT_LANGUAGE=code).content.decode()
    assert "<ins>new and important.</ins>" in only or "<ins>new" in only
    assert "Paragraph number 3 says" not in only and "…" in only


def test_a_reviewer_approves_now_and_the_editor_publishes_later(client, editor, doctor, article):
    client.force_login(editor)
    submit(client, article, body_en="## A subheading\n\nApproved text.")
    revision = Article.objects.get(pk=article.pk).latest_revision
    client.force_login(doctor)
    review = reverse("admin:content_article_review", args=[article.pk, revision.pk])
    assert "_approve_only" in client.get(review).content.decode()
    assert client.post(review, {"_approve_only": "1"}).status_code == 302
    assert "Approved text." not in public(client, article, "en").decode()
    told = mail.outbox[-1]
    assert told.to == [editor.email] and "It is not on the site yet" in told.body
    # The editor publishes exactly what was approved; the page names the doctor's review.
    client.force_login(editor)
    form = client.get(change_url(article), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'name="_publish_approved"' in form
    assert edit(client, article, _publish_approved="1").status_code == 302
    client.logout()
    assert "Approved text." in public(client, article, "en").decode()
    article.refresh_from_db()
    assert article.last_reviewed == timezone.localdate()


def test_an_edited_approved_text_is_not_published_by_the_editor(client, editor, doctor, article):
    client.force_login(editor)
    submit(client, article, body_en="## A subheading\n\nApproved text.")
    revision = Article.objects.get(pk=article.pk).latest_revision
    client.force_login(doctor)
    review = reverse("admin:content_article_review", args=[article.pk, revision.pk])
    client.post(review, {"_approve_only": "1"})
    client.force_login(editor)
    response = edit(
        client, article, body_en="## A subheading\n\nSneaked in.", _publish_approved="1"
    )
    assert response.status_code == 302
    client.logout()
    assert "Sneaked in." not in public(client, article, "en").decode()


@pytest.mark.parametrize("admin_language", ["ar", "en"])
def test_compare_labels_each_bodys_callouts_in_the_bodys_language(
    client, editor, article, admin_language
):
    """J3-9: in the Arabic admin the English body's urgent card reads "Urgent advice:", and
    the Arabic body's «حالة طارئة:», whichever language the admin is in."""
    client.force_login(editor)
    edit(
        client,
        article,
        body_en='!!! urgent "Call an ambulance"\n    - swelling of the lips',
        body_ar='!!! urgent "اتصل بالإسعاف"\n    - تورم الشفتين',
    )
    first, latest = article.live_revision, Article.objects.get(pk=article.pk).latest_revision
    history = reverse("admin:content_article_history", args=[article.pk])
    compare = client.get(history, {"old": first.pk, "new": latest.pk})["Location"]
    page = client.get(compare, HTTP_ACCEPT_LANGUAGE=admin_language).content.decode()
    english = page[page.index("Call") - 80 : page.index("Call")]
    arabic = page[page.index("اتصل") - 80 : page.index("اتصل")]
    assert "Urgent advice:" in english and "حالة طارئة" not in english
    assert "حالة طارئة:" in arabic and "Urgent advice" not in arabic


def test_a_scheduled_new_version_leaves_the_live_page_up_until_its_date(
    client, editor, doctor, article
):
    """Review D1: scheduling a new version of a live article kept the page offline (404)."""
    old_en, old_ar = article.body_en, article.body_ar
    client.force_login(doctor)
    go_live = timezone.localtime(timezone.now() + timedelta(days=1))
    response = edit(
        client,
        article,
        body_en="The new aftercare text.",
        body_ar="نص العناية الجديد.",
        published_at_0=go_live.strftime("%Y-%m-%d"),
        published_at_1=go_live.strftime("%H:%M:%S"),
        _publish="1",
    )
    assert response.status_code == 302
    said = str(list(get_messages(response.wsgi_request))[0])
    assert "until then patients read the current one" in said or "الحالية" in said, said
    client.logout()
    versions = (("en", old_en, "The new aftercare text."), ("ar", old_ar, "نص العناية الجديد."))
    for code, old, new in versions:
        with translation.override(code):
            page = client.get(article.get_absolute_url())
        assert page.status_code == 200
        article.refresh_from_db()
        text = without_isolates(page.content.decode())
        assert new not in text and old.split("\n")[0].lstrip("# ") in text
    client.force_login(doctor)
    listing = client.get(reverse("admin:content_article_changelist") + "?state=scheduled")
    assert article.title_ar in listing.content.decode()
    call_command("announce_go_live", verbosity=0)  # not due yet: nothing changes
    assert Revision.objects.get(article=article, status="scheduled")
    # The go-live time comes: the job the timer runs puts the new version in place.
    revision = Revision.objects.get(article=article, status="scheduled")
    revision.content["published_at"] = (timezone.now() - timedelta(minutes=1)).isoformat()
    revision.save(update_fields=["content"])
    mail.outbox.clear()
    call_command("announce_go_live", verbosity=0)
    client.logout()
    for code, new in (("en", "The new aftercare text."), ("ar", "نص العناية الجديد.")):
        with translation.override(code):
            page = client.get(article.get_absolute_url())
        assert page.status_code == 200 and new in without_isolates(page.content.decode())
    assert mail.outbox and all("went live on" in m.body for m in mail.outbox)


@pytest.mark.parametrize("code", ["ar", "en"])
def test_changing_only_the_go_live_date_keeps_the_approval(client, editor, doctor, article, code):
    """Review D8: a new date on an approved version turned it back into a new draft."""
    client.force_login(editor)
    submit(client, article, body_en="## A subheading\n\nApproved text.")
    revision = Article.objects.get(pk=article.pk).latest_revision
    client.force_login(doctor)
    review = reverse("admin:content_article_review", args=[article.pk, revision.pk])
    client.post(review, {"_approve_only": "1"})
    go_live = timezone.localtime(timezone.now() + timedelta(days=1))
    response = edit(
        client,
        article,
        published_at_0=go_live.strftime("%Y-%m-%d"),
        published_at_1=go_live.strftime("%H:%M:%S"),
        _publish_approved="1",
    )
    said = [str(m) for m in get_messages(response.wsgi_request)]
    assert not any("Not published" in m or "لم تُنشر" in m for m in said), said
    assert Revision.objects.filter(article=article).count() == 2  # no new draft
    revision.refresh_from_db()
    assert revision.status == "scheduled" and revision.approved_by == doctor
    page = client.get(change_url(article), HTTP_ACCEPT_LANGUAGE=code).content.decode()
    assert {"ar": "مجدولة", "en": "Scheduled"}[code] in page
    status_line = page.split("workflow-state")[1].split("</p>")[0]
    assert {"ar": "مسودة", "en": "Draft"}[code] not in status_line
    client.logout()
    assert "Approved text." not in public(client, article, "en").decode()  # not before the date


@pytest.mark.parametrize(
    "code, refused",
    [
        ("ar", "لم تُحفظ: فتح Maha Nasser هذه المقالة للتحرير منذ"),
        ("en", "Not saved: Maha Nasser has had this article open for editing since"),
    ],
)
def test_a_second_person_cannot_save_over_a_held_lock(
    client, editor, admin_user, article, code, refused
):
    """Review D6: the second person saved over the lock and the holder's save was refused."""
    editor.first_name, editor.last_name = "Maha", "Nasser"
    editor.save()
    client.force_login(editor)
    hers = form_data(client.get(change_url(article)).content.decode(), "article_form")
    client.post(lock_url(article))  # she starts typing
    client.force_login(admin_user)
    theirs = form_data(
        client.get(change_url(article), HTTP_ACCEPT_LANGUAGE=code).content.decode(),
        "article_form",
    )
    theirs["body_en"] = "The administrator's paragraph."
    response = client.post(change_url(article), theirs, HTTP_ACCEPT_LANGUAGE=code)
    page = without_isolates(response.content.decode())
    assert response.status_code == 200 and refused in page
    # One instruction in the notice and the refusal (walk 5 #12): the administrator has
    # the button, so neither tells them to ask a reviewer.
    press = {"ar": "اضغط «تولَّ التحرير» في الأعلى", "en": "press “Take over editing” above"}
    ask = {"ar": "اطلب من الطبيب المراجِع", "en": "ask a medical reviewer"}
    assert press[code] in page and ask[code] not in page
    assert 'formaction="' + reverse("admin:content_article_take_over", args=[article.pk]) in page
    assert "The administrator&#x27;s paragraph." in page or "The administrator's paragraph." in page
    assert Article.objects.get(pk=article.pk).latest_revision.content["body_en"] != (
        "The administrator's paragraph."
    )
    # The holder's own save goes through.
    client.force_login(editor)
    hers["body_en"] = "Her paragraph."
    assert client.post(change_url(article), hers).status_code == 302
    assert Article.objects.get(pk=article.pk).latest_revision.content["body_en"] == (
        "Her paragraph."
    )
    # Once the administrator takes over, their save goes through.
    client.force_login(admin_user)
    client.post(reverse("admin:content_article_take_over", args=[article.pk]))
    assert edit(client, article, body_en="The administrator's paragraph.").status_code == 302


@pytest.mark.parametrize(
    "code, queue", [("ar", "بانتظار مراجعتك"), ("en", "Waiting for your review")]
)
def test_after_sending_back_the_reviewer_is_back_at_their_queue(
    client, editor, doctor, article, code, queue
):
    """Review D19: a send-back landed the reviewer on the article's edit form."""
    client.force_login(editor)
    submit(client, article, body_en="## A subheading\n\nNew text.")
    revision = Article.objects.get(pk=article.pk).latest_revision
    client.force_login(doctor)
    review = reverse("admin:content_article_review", args=[article.pk, revision.pk])
    response = client.post(
        review, {"_send_back": "1", "comment": "Shorter, please."}, HTTP_ACCEPT_LANGUAGE=code
    )
    assert response.status_code == 302 and response["Location"] == reverse("admin:index")
    home = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE=code).content.decode()
    assert queue in home
    assert {"ar": "أُعيدت المقالة إلى المحرر", "en": "Sent back to the editor"}[code] in home


@pytest.mark.parametrize(
    "code, ambulance, label",
    [("ar", "اطلب المساعدة فورًا", None), ("en", "Call an ambulance on", "Body (English)")],
)
def test_the_review_shows_the_care_cards_and_keeps_a_callouts_lines_apart(
    client, editor, doctor, article, code, ambulance, label
):
    """Review D13: the care-cards block showed nothing in the review, a callout's title and
    text ran together, and the field label read "body (Arabic)"."""
    client.force_login(editor)
    submit(
        client,
        article,
        body_en='!!! warning "Ice"\n    Wrap it in a cloth.\n\n<!-- care-cards -->',
        body_ar='!!! warning "الثلج"\n    لفّ الثلج بقطعة قماش.\n\n<!-- care-cards -->',
    )
    revision = Article.objects.get(pk=article.pk).latest_revision
    client.force_login(doctor)
    review = reverse("admin:content_article_review", args=[article.pk, revision.pk])
    page = without_isolates(client.get(review, HTTP_ACCEPT_LANGUAGE=code).content.decode())
    assert ambulance in page  # the care cards, as the page shows them
    if label:
        assert label in page and "body (English)" not in page
    assert "Ice Wrap" not in page and "IceWrap" not in page
    assert "الثلجلفّ" not in page


@pytest.mark.parametrize(
    "code, button, done",
    [
        ("ar", "ألغِ الجدولة…", "أُلغيت الجدولة"),
        ("en", "Cancel the schedule…", "Schedule cancelled"),
    ],
)
def test_cancelling_a_schedule_keeps_the_live_page(
    client, editor, doctor, article, code, button, done
):
    """Walk 5 #2: a scheduled new version could be withdrawn only by unpublishing."""
    from django.contrib.admin.models import LogEntry

    old = article.body_en.split("\n")[0].lstrip("# ")
    # The editor's new version, approved by the doctor, then scheduled (as in the walk).
    schedule_new_version(client, editor, doctor, article)
    revision = Revision.objects.get(article=article, status="scheduled")
    action = reverse("admin:content_article_action", args=[article.pk, "unschedule"])
    form = client.get(change_url(article), HTTP_ACCEPT_LANGUAGE=code).content.decode()
    assert button in form and action in form
    report = client.get(
        reverse("admin:content_article_scheduled_report"), HTTP_ACCEPT_LANGUAGE=code
    ).content.decode()
    assert action in report
    # An editor may not cancel it.
    client.force_login(editor)
    assert button not in client.get(change_url(article), HTTP_ACCEPT_LANGUAGE=code).content.decode()
    assert client.post(action, {"reason": "No."}).status_code == 403
    client.force_login(doctor)
    assert client.get(action, HTTP_ACCEPT_LANGUAGE=code).status_code == 200  # confirmation
    assert client.post(action, {"reason": ""}, HTTP_ACCEPT_LANGUAGE=code).status_code == 400
    mail.outbox.clear()
    response = client.post(
        action, {"reason": "The clinic changed its plans."}, HTTP_ACCEPT_LANGUAGE=code, follow=True
    )
    assert done in without_isolates(response.content.decode())
    revision.refresh_from_db()
    assert revision.status == "approved"
    assert not Revision.objects.filter(article=article, status="scheduled").exists()
    assert LogEntry.objects.filter(
        object_id=str(article.pk), change_message__contains="The clinic changed its plans."
    ).exists()
    (notice,) = mail.outbox  # to the editor who wrote it; the doctor did it herself
    assert notice.to == [editor.email] and "The clinic changed its plans." in notice.body
    report = client.get(reverse("admin:content_article_scheduled_report")).content.decode()
    assert action not in report
    # Nothing scheduled any more: the action is gone.
    assert client.post(action, {"reason": "Again."}).status_code == 404
    call_command("announce_go_live", verbosity=0)
    client.logout()
    with translation.override("en"):
        page = client.get(article.get_absolute_url())
    text = without_isolates(page.content.decode())
    assert page.status_code == 200 and old in text and "The new aftercare text." not in text


def test_publishing_after_a_cancelled_schedule_publishes_now(client, editor, doctor, article):
    """Walk 6 #1: after "Cancel the schedule", the go-live field still held the cancelled
    date, so "Publish the approved version" silently scheduled the version again."""
    submitted, go_live = schedule_new_version(client, editor, doctor, article)
    assert Revision.objects.filter(article=article, status="scheduled").exists()
    action = reverse("admin:content_article_action", args=[article.pk, "unschedule"])
    client.post(action, {"reason": "Not on that day."})
    # The form no longer offers the cancelled date.
    form = client.get(change_url(article)).content.decode()
    assert go_live.strftime("%Y-%m-%d") not in form
    response = edit(client, article, _publish_approved="1")
    said = [str(m) for m in get_messages(response.wsgi_request)]
    assert not any("Scheduled" in m or "جُدول" in m for m in said), said
    assert not Revision.objects.filter(article=article, status="scheduled").exists()
    assert Revision.objects.get(pk=submitted.pk).status == "published"
    client.logout()
    with translation.override("en"):
        page = client.get(article.get_absolute_url())
    assert "The new aftercare text." in without_isolates(page.content.decode())


@pytest.mark.parametrize(
    "code, button, confirm, done",
    [
        ("ar", "استعِد من الأرشيف…", "نعم، استعِدها", "استُعيدت المقالة من الأرشيف"),
        ("en", "Restore from the archive…", "Yes, restore it", "Restored from the archive."),
    ],
)
def test_a_reviewer_restores_an_archived_article_to_review(
    client, editor, doctor, article, code, button, confirm, done
):
    """Walk 5 #16: an archived article had no labelled way back."""
    from django.contrib.admin.models import LogEntry

    client.force_login(editor)
    edit(client, article, body_en="The editor's newer text.")
    client.force_login(doctor)
    archive = reverse("admin:content_article_action", args=[article.pk, "archive"])
    client.post(archive, {"reason": "Replaced for now"})
    restore = reverse("admin:content_article_action", args=[article.pk, "restore"])
    form = client.get(change_url(article), HTTP_ACCEPT_LANGUAGE=code).content.decode()
    assert button in form and f'href="{restore}"' in form
    client.force_login(editor)
    html = client.get(change_url(article), HTTP_ACCEPT_LANGUAGE=code).content.decode()
    assert button not in html
    client.force_login(doctor)
    page = client.get(restore, HTTP_ACCEPT_LANGUAGE=code).content.decode()
    assert confirm in page
    assert client.post(restore, {"reason": ""}, HTTP_ACCEPT_LANGUAGE=code).status_code == 400
    assert Article.objects.get(pk=article.pk).status == "archived"  # nothing done half-way
    mail.outbox.clear()
    response = client.post(
        restore, {"reason": "The clinic offers it again."}, HTTP_ACCEPT_LANGUAGE=code, follow=True
    )
    assert done in without_isolates(response.content.decode())
    article.refresh_from_db()
    assert article.status == "draft"
    assert article.latest_revision.status == "submitted"
    assert article.latest_revision.content["body_en"] == "The editor's newer text."
    assert LogEntry.objects.filter(
        object_id=str(article.pk), change_message__contains="The clinic offers it again."
    ).exists()
    (notice,) = mail.outbox
    assert notice.to == [editor.email] and "The clinic offers it again." in notice.body
    client.logout()
    with translation.override("en"):
        assert client.get(article.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "code, only_ar, only_en",
    [
        (
            "ar",
            "تغيّر نص العربية وحده، ولم يُحدَّث نص الإنجليزية.",
            "تغيّر نص الإنجليزية وحده، ولم يُحدَّث نص العربية.",
        ),
        (
            "en",
            "Only the Arabic text changed; the English text was not updated.",
            "Only the English text changed; the Arabic text was not updated.",
        ),
    ],
)
def test_a_change_in_one_language_only_is_flagged_at_submit_and_review(
    client, editor, doctor, article, code, only_ar, only_en
):
    """Walk 6 #3: a safety callout added to the Arabic body alone reached the review with
    no warning, either to the editor on submit or to the reviewer."""
    client.force_login(editor)
    Article.objects.filter(pk=article.pk).update(live_revision=article.latest_revision)
    response = submit(client, article, body_ar=article.body_ar + "\n\nفقرة جديدة.")
    said = " ".join(str(m) for m in get_messages(response.wsgi_request))
    revision = Article.objects.get(pk=article.pk).latest_revision
    client.force_login(doctor)
    review = reverse("admin:content_article_review", args=[article.pk, revision.pk])
    page = without_isolates(client.get(review, HTTP_ACCEPT_LANGUAGE=code).content.decode())
    assert only_ar in page and only_en not in page
    with translation.override(code):
        assert only_ar in str(
            workflow.language_drift(workflow.snapshot_of_row(article), revision.content)
        )
    assert "العربية" in said or "Arabic" in said
    # The other way round, and both changed: no warning.
    client.post(review, {"_send_back": "1", "comment": "English too."})
    client.force_login(editor)
    # (the form holds the sent-back text: the Arabic goes back to the live one)
    submit(client, article, title_en=article.title_en + " (new)", body_ar=article.body_ar)
    revision = Article.objects.get(pk=article.pk).latest_revision
    client.force_login(doctor)
    review = reverse("admin:content_article_review", args=[article.pk, revision.pk])
    page = without_isolates(client.get(review, HTTP_ACCEPT_LANGUAGE=code).content.decode())
    assert only_en in page and only_ar not in page
    client.post(review, {"_send_back": "1", "comment": "Both."})
    client.force_login(editor)
    response = submit(client, article, title_en="Both (new)", body_ar="نص جديد.")
    said = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "Only the" not in said and "وحده" not in said
    revision = Article.objects.get(pk=article.pk).latest_revision
    client.force_login(doctor)
    review = reverse("admin:content_article_review", args=[article.pk, revision.pk])
    page = without_isolates(client.get(review, HTTP_ACCEPT_LANGUAGE=code).content.decode())
    assert 'id="language-drift"' not in page
