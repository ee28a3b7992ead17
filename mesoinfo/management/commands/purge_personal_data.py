"""Delete the personal data the site no longer needs, each kind after its own retention
period, then shrink SQLite's WAL so the deleted rows leave the files. Each app purges its
own rows (purge_consultations, purge_feedback_comments), called here by name."""

from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from django.utils import timezone

from mesoinfo.jobs import OnceAcrossMachines
from mesoinfo.sqlite import checkpoint


class Command(OnceAcrossMachines, BaseCommand):
    help = (
        "Daily: delete consultation requests older than CONSULTATION_RETENTION_DAYS "
        "(purge_consultations), blank feedback comments older than "
        "FEEDBACK_COMMENT_RETENTION_DAYS (the yes/no answer stays), delete django-axes "
        "sign-in records older than AXES_LOG_RETENTION_DAYS and expired sessions; empty the "
        "rate-limit counters' file cache (never culled; Redis expires its own)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count, delete nothing.")

    def handle(self, *args, dry_run, **options):
        call_command(
            "purge_consultations",
            days=settings.CONSULTATION_RETENTION_DAYS,
            dry_run=dry_run,
            stdout=self.stdout,
        )
        call_command(
            "purge_feedback_comments",
            days=settings.FEEDBACK_COMMENT_RETENTION_DAYS,
            dry_run=dry_run,
            stdout=self.stdout,
        )
        verb = "Would" if dry_run else "Did"
        cutoff = days_ago(settings.AXES_LOG_RETENTION_DAYS)
        for model in (AccessAttempt, AccessFailureLog, AccessLog):
            old = model.objects.filter(attempt_time__lt=cutoff)
            count = old.count() if dry_run else old.delete()[0]
            self.stdout.write(f"{verb} delete {count} {model._meta.verbose_name_plural} row(s).")
        if not dry_run:
            call_command("clearsessions")
            checkpoint(connection)
            counters = caches["ratelimit"]
            if isinstance(counters, FileBasedCache):
                # Never culled (mesoinfo/env.py): its entries go here, once a day.
                counters.clear()
                self.stdout.write("Did empty the rate-limit counters' file cache.")


def days_ago(days):
    return timezone.now() - timedelta(days=max(days, 1))
