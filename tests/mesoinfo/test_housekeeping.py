"""Production defaults and the clean-up of personal data: DEBUG off unless asked, SQLite's
files private, personal data purged after its retention period without trace in the files,
Cross-Origin-Resource-Policy on every response."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import call_command
from django.utils import timezone

from content.models import Feedback
from screener.models import ConsultationRequest
from tests.production import follows_postgres, manage, production_env

MARKER = "Zainab-Quraishi-7731"


def without(env, *names):
    return {key: value for key, value in env.items() if key not in names}


def test_debug_is_off_unless_the_environment_turns_it_on(tmp_path):
    env = without(production_env(tmp_path / "db.sqlite3"), "DEBUG")
    shown = manage(env, "shell", "-c", "from django.conf import settings; print(settings.DEBUG)")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip().splitlines()[-1] == "False"
    # Nor does a forgotten key fall back to the development one.
    refused = manage(without(env, "SECRET_KEY"), "check")
    assert refused.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in refused.stderr


def test_the_makefile_runs_the_development_server_with_debug_on():
    from tests.production import BASE_DIR

    makefile = (BASE_DIR / "Makefile").read_text()
    assert "run test setup: export DEBUG ?= true" in makefile  # J0-1: a bare `make setup` too


SQLITE_FILES = r"""
import os, stat
from django.db import connection
from screener.models import ConsultationRequest
ConsultationRequest.objects.create(name="x", phone="+966501234567", preferred_language="ar",
                                   consent_to_contact=True, submission_token="t")
name = str(connection.settings_dict["NAME"])
print(" ".join(oct(stat.S_IMODE(os.stat(name + s).st_mode)) for s in ["", "-wal", "-shm"]))
"""


@pytest.mark.skipif(follows_postgres(), reason="SQLite's own files")
def test_sqlite_files_are_readable_by_their_owner_alone(tmp_path):
    env = production_env(tmp_path / "db.sqlite3")
    assert manage(env, "migrate", "-v", "0").returncode == 0
    (tmp_path / "db.sqlite3").chmod(0o644)  # as an older release, or a copy, left it
    result = manage(env, "shell", "-c", SQLITE_FILES)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "0o600 0o600 0o600"


LEAVE_NO_TRACE = rf"""
from datetime import timedelta
from django.core.management import call_command
from django.utils import timezone
from screener.models import ConsultationRequest
row = ConsultationRequest.objects.create(
    name="{MARKER}", phone="+966501234567", email="{MARKER}@example.com",
    preferred_language="ar", consent_to_contact=True, submission_token="t")
ConsultationRequest.objects.filter(pk=row.pk).update(
    created_at=timezone.now() - timedelta(days=400))
call_command("purge_personal_data", verbosity=0)
assert not ConsultationRequest.objects.exists()
# Read the files while this process still holds its connection, as a running server does
# (the last connection to close would checkpoint the WAL by itself).
from pathlib import Path
from django.db import connection
name = Path(connection.settings_dict["NAME"])
files = [p for p in name.parent.iterdir() if p.name.startswith(name.name)]
print(sorted(p.name for p in files if b"{MARKER}" in p.read_bytes()))
"""


@pytest.mark.skipif(follows_postgres(), reason="SQLite's own files")
def test_purged_rows_leave_the_sqlite_files(tmp_path):
    env = production_env(tmp_path / "db.sqlite3")
    assert manage(env, "migrate", "-v", "0").returncode == 0
    result = manage(env, "shell", "-c", LEAVE_NO_TRACE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"  # no file holds the marker


@pytest.mark.django_db
def test_each_kind_of_personal_data_goes_after_its_own_retention_period(article, settings):
    settings.CONSULTATION_RETENTION_DAYS = 180
    settings.FEEDBACK_COMMENT_RETENTION_DAYS = 60
    settings.AXES_LOG_RETENTION_DAYS = 30
    now = timezone.now()

    def aged(model, days, when="created_at", **fields):
        row = model.objects.create(**fields)
        model.objects.filter(pk=row.pk).update(**{when: now - timedelta(days=days)})
        return row

    person = {"phone": "+966501234567", "preferred_language": "ar", "consent_to_contact": True}
    old_request = aged(ConsultationRequest, 200, name="old", submission_token="a", **person)
    new_request = aged(ConsultationRequest, 100, name="new", submission_token="b", **person)
    feedback = {"article": article, "language": "ar", "helpful": False}
    old_comment = aged(Feedback, 61, comment="call me on 0501234567", **feedback)
    new_comment = aged(Feedback, 59, comment="ينقصها مثال", **feedback)
    axes_rows = []
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        for days, gone in [(31, True), (29, False)]:
            fields = {"username": "doctor", "ip_address": "203.0.113.7", "user_agent": f"{days}"}
            if model is AccessAttempt:
                fields |= {"failures_since_start": 1}
            axes_rows.append((aged(model, days, "attempt_time", **fields), gone))

    call_command("purge_personal_data", verbosity=0)

    assert list(ConsultationRequest.objects.values_list("pk", flat=True)) == [new_request.pk]
    assert not ConsultationRequest.objects.filter(pk=old_request.pk).exists()
    old_comment.refresh_from_db()
    new_comment.refresh_from_db()
    assert old_comment.comment == "" and old_comment.helpful is False  # the answer stays
    assert new_comment.comment == "ينقصها مثال"
    for row, gone in axes_rows:
        assert type(row).objects.filter(pk=row.pk).exists() is not gone, (type(row), gone)


@pytest.mark.django_db
def test_a_dry_run_changes_nothing(article, settings):
    Feedback.objects.create(article=article, language="ar", helpful=True, comment="شكرًا")
    Feedback.objects.update(created_at=timezone.now() - timedelta(days=1000))
    call_command("purge_personal_data", dry_run=True, verbosity=0)
    assert Feedback.objects.get().comment == "شكرًا"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/", "/ar/", "/static/css/site.css", "/admin/login/"])
def test_every_response_forbids_other_sites_to_embed_it(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
