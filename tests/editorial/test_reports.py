"""The audit log (administrators) and the workflow report (time in review, overdue)."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from content.models import Article
from editorial.models import Revision

pytestmark = pytest.mark.django_db
AUDIT = "/admin/editorial/auditlog/"


def test_the_audit_log_shows_who_did_what_when_filterable(client, admin_user, editor, article):
    editor.first_name, editor.last_name = "Maha", "Nasser"
    editor.save()
    article_type = ContentType.objects.get_for_model(Article)
    LogEntry.objects.log_actions(
        user_id=editor.pk,
        queryset=[article],
        action_flag=CHANGE,
        change_message="Taken off the site. Reason: outdated",
    )
    LogEntry.objects.log_actions(
        user_id=admin_user.pk, queryset=[article], action_flag=CHANGE, change_message="Other"
    )
    client.force_login(admin_user)
    html = client.get(AUDIT, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Maha Nasser" in html and "Reason: outdated" in html and article.title_ar in html
    filtered = client.get(AUDIT, {"user__id__exact": admin_user.pk}).content.decode()
    assert "Reason: outdated" not in filtered
    by_kind = client.get(AUDIT, {"content_type__id__exact": article_type.pk}).content.decode()
    assert "Reason: outdated" in by_kind
    assert "Reason: outdated" in client.get(AUDIT, {"q": "outdated"}).content.decode()
    # The clinic's time.
    entry = LogEntry.objects.get(user=editor)
    local = timezone.localtime(entry.action_time)
    assert f"{local:%-I}:{local:%M}" in html


def test_only_administrators_see_the_audit_log(client, editor, doctor):
    for user in (editor, doctor):
        client.force_login(user)
        assert client.get(AUDIT).status_code == 403


@pytest.mark.parametrize("code, days", [("ar", "3 أيام"), ("en", "3 days")])
def test_the_workflow_report_shows_time_in_review_and_overdue(
    client, editor, make_article, code, days
):
    waiting = make_article()
    revision = Revision.objects.create(
        article=waiting,
        author=editor,
        content=waiting.live_revision.content,
        status=Revision.Status.SUBMITTED,
        submitted_at=timezone.now() - timedelta(days=3, hours=1),
    )
    Article.objects.filter(pk=waiting.pk).update(latest_revision=revision)
    late = make_article(next_review_due=timezone.localdate() - timedelta(days=3))
    client.force_login(editor)
    url = reverse("admin:content_article_workflow_report")
    html = client.get(url, HTTP_ACCEPT_LANGUAGE=code).content.decode()
    title = f"title_{code}"
    assert getattr(waiting, title) in html and getattr(late, title) in html
    assert html.count(days) == 2  # three days in review; three days late
    dashboard = client.get("/admin/", HTTP_ACCEPT_LANGUAGE=code).content.decode()
    assert url in dashboard and AUDIT not in dashboard


def test_the_article_list_filters_by_every_state_it_shows(client, editor, make_article):
    live = make_article(title_en="Live one")
    later = make_article(title_en="Later one", published_at=timezone.now() + timedelta(days=2))
    archived = make_article(title_en="Archived one", status=Article.Status.ARCHIVED)
    client.force_login(editor)
    listing = "/admin/content/article/"

    def titles(**params):
        html = client.get(listing, params, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        return {a.title_en for a in (live, later, archived) if a.title_en in html}

    assert titles() == {"Live one", "Later one"}  # archived only when asked for
    assert titles(state="scheduled") == {"Later one"}
    assert titles(state="live") == {"Live one"}
    assert titles(state="archived") == {"Archived one"}
    html = client.get(listing, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for label in ("In review", "Scheduled", "Live + unpublished changes", "Off the site"):
        assert label in html


def test_the_reviewer_records_staff_account_lists_staff_by_name(
    client, admin_user, django_user_model
):
    django_user_model.objects.create_user(
        username="dr-noura", first_name="Noura", last_name="Saad", is_staff=True
    )
    django_user_model.objects.create_user(username="visitor-account", is_staff=False)
    client.force_login(admin_user)
    html = client.get("/admin/content/reviewer/add/").content.decode()
    assert "Noura Saad (dr-noura)" in html and "visitor-account" not in html


def test_deployment_check_asks_for_the_sites_real_address(settings):
    from editorial.checks import site_url_is_the_sites_address

    settings.SITE_URL = "http://localhost:8000"
    assert [w.id for w in site_url_is_the_sites_address(None)] == ["editorial.W001"]
    settings.SITE_URL = "https://meso.clinic.example"
    assert site_url_is_the_sites_address(None) == []


LOCKED = "/admin/content/article/reports/locked/"
SCHEDULED = "/admin/content/article/reports/scheduled/"


def local(moment, code):
    from django.utils import translation
    from django.utils.formats import date_format

    with translation.override(code):
        return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


@pytest.mark.parametrize(
    "code, title, release",
    [("ar", "المقالات المقفلة للتحرير", "فكّ قفل"), ("en", "Locked articles", "Release “")],
)
def test_the_locked_articles_report_names_who_holds_each_lock_and_a_reviewer_releases_it(
    client, editor, doctor, article, code, title, release
):
    from editorial import locking
    from editorial.models import EditLock

    editor.first_name, editor.last_name = "Maha", "Nasser"
    editor.save()
    locking.opened(article, editor)
    lock = EditLock.objects.get()
    client.force_login(doctor)
    html = client.get(LOCKED, HTTP_ACCEPT_LANGUAGE=code).content.decode()
    holder = html.split('<td class="lock-holder">')[1].split("</td>")[0]
    assert title in html and "Maha Nasser" in holder  # (isolated in Arabic)
    assert getattr(article, f"title_{code}") in html and release in html
    assert local(lock.since, code) in html  # the clinic's time, in the admin's language
    dashboard = client.get("/admin/", HTTP_ACCEPT_LANGUAGE=code).content.decode()
    assert LOCKED in dashboard and SCHEDULED in dashboard

    url = reverse("admin:content_article_release_lock", args=[article.pk])
    page = client.post(url, HTTP_ACCEPT_LANGUAGE=code, follow=True).content.decode()
    assert not EditLock.objects.exists()
    assert "Maha Nasser" in page  # the message says whose lock it was
    empty = {"ar": "لا أحد يحرر مقالة الآن.", "en": "Nobody has an article open for editing."}
    assert empty[code] in page
    entry = LogEntry.objects.get(object_id=str(article.pk))
    assert entry.user == doctor and "Maha Nasser" in entry.get_change_message()


def test_an_editor_sees_the_locks_but_cannot_release_them(client, editor, article, doctor):
    from editorial import locking

    locking.opened(article, doctor)
    client.force_login(editor)
    html = client.get(LOCKED, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<td class="lock-holder">dr-haddad</td>' in html and "Release “" not in html
    url = reverse("admin:content_article_release_lock", args=[article.pk])
    assert client.post(url).status_code == 403


def test_a_lapsed_lock_is_not_listed(client, doctor, editor, article):
    from editorial import locking
    from editorial.models import EditLock

    locking.opened(article, editor)
    EditLock.objects.update(seen_at=timezone.now() - locking.LAPSES_AFTER - timedelta(minutes=1))
    client.force_login(doctor)
    html = client.get(LOCKED, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Nobody has an article open for editing." in html


@pytest.mark.parametrize(
    "code, heading, goes_live",
    [("ar", "ما سيُرفع عن الموقع", "تُنشر في"), ("en", "Coming off the site", "goes live on")],
)
def test_the_scheduled_report_and_dashboard_list_what_goes_live_and_comes_off(
    client, editor, doctor, make_article, code, heading, goes_live
):
    from editorial import workflow

    doctor.first_name, doctor.last_name = "Salma", "Haddad"
    doctor.save()
    now = timezone.now()
    first = make_article(published_at=now + timedelta(days=2))  # approved by Dr Haddad
    ending = make_article(expires_at=now + timedelta(days=5))
    live = make_article()
    new_date = now + timedelta(days=3)
    live.published_at, live.title_en, live.title_ar = new_date, "New text", "نص جديد"
    Revision.objects.create(
        article=live,
        author=editor,
        content=workflow.snapshot_of_row(live),
        status=Revision.Status.SCHEDULED,
        approved_by=doctor,
    )
    live.refresh_from_db()
    client.force_login(editor)
    html = client.get(SCHEDULED, HTTP_ACCEPT_LANGUAGE=code).content.decode()
    going, coming = html.split(heading)
    title = f"title_{code}"
    assert getattr(first, title) in going and getattr(live, title) in going
    assert going.index(getattr(first, title)) < going.index(getattr(live, title))  # by date
    assert local(first.published_at, code) in going and local(new_date, code) in going
    assert going.count("Salma Haddad") == 2
    assert getattr(ending, title) in coming and local(ending.expires_at, code) in coming
    assert getattr(ending, title) not in going

    dashboard = client.get("/admin/", HTTP_ACCEPT_LANGUAGE=code).content.decode()
    panel = dashboard.split('class="scheduled"')[1].split("</ul>")[0]
    assert f"{goes_live} {local(first.published_at, code)}" in panel
    assert getattr(ending, title) in panel and getattr(live, title) in panel


def test_the_scheduled_report_is_for_staff_who_see_articles(client, django_user_model):
    reception = django_user_model.objects.create_user(username="desk", is_staff=True)
    client.force_login(reception)
    assert client.get(SCHEDULED).status_code == 403
    assert client.get(LOCKED).status_code == 403
