"""E-mail a reminder for each article whose medical review is overdue (run daily by cron)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from content.models import Article
from editorial import notifications
from mesoinfo.jobs import OnceAcrossMachines


class Command(OnceAcrossMachines, BaseCommand):
    help = "Send one reminder per article whose medical review is overdue."

    def handle(self, *args, **options):
        overdue = (
            Article.objects.exclude(status=Article.Status.ARCHIVED)
            .filter(next_review_due__lt=timezone.localdate())
            .select_related("reviewer__user")
        )
        count = 0
        for article in overdue.iterator():
            # The article's own doctor, else everyone who may review.
            account = article.reviewer.user if article.reviewer else None
            recipients = [account] if account and account.email else notifications.reviewers()
            notifications.review_overdue(article, recipients)
            count += 1
        self.stdout.write(f"{count} reminder(s) sent.")
