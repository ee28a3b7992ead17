"""Delete consultation requests older than the retention period (CONSULTATION_RETENTION_DAYS)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from screener.models import ConsultationRequest


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
        cutoff = timezone.now() - timedelta(days=days)
        old = ConsultationRequest.objects.filter(created_at__lt=cutoff)
        count = old.count()
        if not dry_run:
            old.delete()
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {count} consultation request(s) received before {cutoff:%Y-%m-%d}."
        )
