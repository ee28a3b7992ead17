"""The daily jobs run once across machines: each takes a database-level lock first.

Every machine may run the timers (deploy/systemd/); the machine that gets the lock runs the
job, any other that starts it meanwhile skips it. PostgreSQL: a session-level advisory lock
(pg_try_advisory_lock), which the server releases by itself if the process dies. SQLite: a
lock row in DailyJob, taken by one UPDATE; a row left by a killed process is taken over
after STALE_AFTER. With `daily`, a job another machine finished less than DAILY_GAP ago is
skipped too (a timer that fired a minute later elsewhere). An advisory lock belongs to
one server session: behind a pooler, use session pooling (not transaction pooling).
"""

import hashlib
import os
import secrets
import socket
from contextlib import contextmanager
from datetime import timedelta

from django.core.management.base import OutputWrapper
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from mesoinfo.models import DailyJob

STALE_AFTER = timedelta(hours=6)
DAILY_GAP = timedelta(hours=20)
HELD_ELSEWHERE = "skipped: another machine holds the lock"


def advisory_key(name):
    """A signed 64-bit key for pg_try_advisory_lock, the same on every machine."""
    digest = hashlib.blake2b(f"mesoinfo.job:{name}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def job_row(name):
    try:
        with transaction.atomic():
            return DailyJob.objects.get_or_create(name=name)[0]
    except IntegrityError:  # another machine created it at the same instant
        return DailyJob.objects.get(name=name)


def try_lock(name, holder):
    """Take the job's lock without waiting; True when this process holds it."""
    job_row(name)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [advisory_key(name)])
            return cursor.fetchone()[0]
    now = timezone.now()
    free = Q(holder="") | Q(taken_at__lt=now - STALE_AFTER)
    taken = DailyJob.objects.filter(free, name=name).update(holder=holder, taken_at=now)
    return taken == 1


def unlock(name, holder):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [advisory_key(name)])
        return
    DailyJob.objects.filter(name=name, holder=holder).update(holder="", taken_at=None)


@contextmanager
def exclusive(name, daily=False):
    """Yields None when this process may run the job, else the reason it is skipped."""
    holder = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
    if not try_lock(name, holder):
        yield HELD_ELSEWHERE
        return
    try:
        last = DailyJob.objects.get(name=name).last_finished_at
        if daily and last and timezone.now() - last < DAILY_GAP:
            yield f"skipped: already done at {last:%Y-%m-%d %H:%M} UTC"
            return
        yield None
        DailyJob.objects.filter(name=name).update(last_finished_at=timezone.now())
    finally:
        unlock(name, holder)


class OnceAcrossMachines:
    """Mixin for a management command: its handle() runs under the job's lock (the command's
    name), and `--daily` skips it when it ran less than DAILY_GAP ago."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.add_argument(
            "--daily",
            action="store_true",
            help="As the daily timers run it: skip when any machine finished it less "
            "than 20 hours ago.",
        )
        return parser

    def execute(self, *args, **options):
        daily = options.pop("daily", False)
        name = type(self).__module__.rsplit(".", 1)[-1]
        with exclusive(name, daily=daily) as skipped:
            if skipped is None:
                return super().execute(*args, **options)
            out = OutputWrapper(options["stdout"]) if options.get("stdout") else self.stdout
            out.write(f"{name}: {skipped}.")
            return None
