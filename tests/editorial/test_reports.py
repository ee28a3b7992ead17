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
