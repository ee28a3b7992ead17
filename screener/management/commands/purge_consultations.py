"""Delete consultation requests older than the retention period (CONSULTATION_RETENTION_DAYS).

The admin's history (LogEntry) of each deleted request goes with it.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from screener.limits import forget_old_counters
from screener.models import ConsultationRequest

BATCH = 500  # rows per statement, well inside every database's limit on parameters


class Command(BaseCommand):
    help = "Delete consultation requests received more than the retention period ago."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.CONSULTATION_RETENTION_DAYS,
            help="Keep requests this many days (default: %(default)s).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Count, delete nothing.")

    def handle(self, *args, days, dry_run, **options):
        if days < 1:
            raise CommandError("--days must be at least 1.")
        try:
            cutoff = timezone.now() - timedelta(days=days)
        except OverflowError:
            raise CommandError(
                f"--days {days} reaches back before the year 1; use a smaller number."
            ) from None
        ids = list(
            ConsultationRequest.objects.filter(created_at__lt=cutoff).values_list("pk", flat=True)
        )
        if not dry_run:
            content_type = ContentType.objects.get_for_model(ConsultationRequest)
            for start in range(0, len(ids), BATCH):
                batch = ids[start : start + BATCH]
                with transaction.atomic():
                    LogEntry.objects.filter(
                        content_type=content_type, object_id__in=[str(pk) for pk in batch]
                    ).delete()
                    ConsultationRequest.objects.filter(pk__in=batch).delete()
            forget_old_counters()  # flood counters of past hours
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {len(ids)} consultation request(s) received before {cutoff:%Y-%m-%d}."
        )
