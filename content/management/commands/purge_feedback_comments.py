"""Blank feedback comments older than the retention period (FEEDBACK_COMMENT_RETENTION_DAYS);
the yes/no answer stays. Run daily by mesoinfo's purge_personal_data."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from content.models import Feedback


class Command(BaseCommand):
    help = "Blank feedback comments older than the retention period; the answers stay."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.FEEDBACK_COMMENT_RETENTION_DAYS,
            help="Keep comments this many days (default: %(default)s).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Count, change nothing.")

    def handle(self, *args, days, dry_run, **options):
        cutoff = timezone.now() - timedelta(days=max(days, 1))
        comments = Feedback.objects.exclude(comment="").filter(created_at__lt=cutoff)
        count = comments.count() if dry_run else comments.update(comment="")
        verb = "Would" if dry_run else "Did"
        self.stdout.write(f"{verb} blank {count} feedback comment(s).")
