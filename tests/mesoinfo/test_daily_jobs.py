"""The daily jobs run once across machines: the same job started twice at once runs once.

Each start is a thread with its own database connection, as a second machine's timer would
have (the suite's PostgreSQL run takes the advisory-lock path, the SQLite run the lock row).
"""

import io
import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from editorial.management.commands import send_review_reminders
from mesoinfo import jobs
from mesoinfo.models import DailyJob

pytestmark = pytest.mark.django_db(transaction=True)


def run(command, *args, **options):
    out = io.StringIO()
    call_command(command, *args, stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def first_run_pauses(monkeypatch):
    """send_review_reminders whose first run waits, lock held, until told to go on."""
    started, go_on = threading.Event(), threading.Event()
    real_handle = send_review_reminders.Command.handle
    calls = []

    def handle(self, *args, **options):
        calls.append(1)
        if len(calls) == 1:
            started.set()
            assert go_on.wait(30)
        return real_handle(self, *args, **options)

    monkeypatch.setattr(send_review_reminders.Command, "handle", handle)
    return started, go_on


def in_thread(target, results, *args):
    def work():
        try:
            results.append(target(*args))
        finally:
            connection.close()  # this thread's connection, as a process's on exit

    thread = threading.Thread(target=work)
    thread.start()
    return thread


def test_the_same_job_started_twice_at_once_runs_once(make_article, doctor, first_run_pauses):
    make_article(next_review_due=timezone.localdate() - timedelta(days=1))
    started, go_on = first_run_pauses
    first, second = [], []
    one = in_thread(run, first, "send_review_reminders")
    assert started.wait(30)
    in_thread(run, second, "send_review_reminders").join(30)
    go_on.set()
    one.join(30)

    print(f"vendor={connection.vendor} first={first} second={second}")
    assert second == ["send_review_reminders: skipped: another machine holds the lock.\n"]
    assert first == ["1 reminder(s) sent.\n"]
    assert len(mail.outbox) == 1, "the reviewer got one reminder, not one per machine"
    # Released: the next day's run (here, at once) runs again.
    assert run("send_review_reminders") == "1 reminder(s) sent.\n"


def test_daily_skips_a_job_another_machine_finished_lately_but_a_manual_run_goes_ahead(
    make_article, doctor
):
    make_article(next_review_due=timezone.localdate() - timedelta(days=1))
    assert run("send_review_reminders", daily=True) == "1 reminder(s) sent.\n"
    skipped = run("send_review_reminders", daily=True)
    assert skipped.startswith("send_review_reminders: skipped: already done at ")
    assert run("send_review_reminders") == "1 reminder(s) sent.\n"
    DailyJob.objects.update(last_finished_at=timezone.now() - timedelta(hours=21))
    assert run("send_review_reminders", daily=True) == "1 reminder(s) sent.\n"
    assert len(mail.outbox) == 3


def test_a_failed_run_releases_the_lock_and_does_not_count_as_done(monkeypatch):
    def fail(self, *args, **options):
        raise RuntimeError("the mail server is down")

    monkeypatch.setattr(send_review_reminders.Command, "handle", fail)
    with pytest.raises(RuntimeError):
        run("send_review_reminders", daily=True)
    monkeypatch.undo()
    assert run("send_review_reminders", daily=True) == "0 reminder(s) sent.\n"


@pytest.mark.skipif("connection.vendor != 'sqlite'")
def test_a_lock_row_left_by_a_killed_process_is_taken_over_later():
    stale = timezone.now() - jobs.STALE_AFTER - timedelta(minutes=1)
    DailyJob.objects.create(name="purge_personal_data", holder="gone:1:x", taken_at=stale)
    DailyJob.objects.create(name="backup_site", holder="busy:2:y", taken_at=timezone.now())
    assert "skipped" not in run("purge_personal_data", dry_run=True)
    assert run("backup_site", "/nonexistent/x.json", plain=True).endswith(
        "skipped: another machine holds the lock.\n"
    )
