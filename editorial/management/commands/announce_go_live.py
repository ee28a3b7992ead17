"""Publish the versions due now and tell staff a scheduled article has gone live (run every
few minutes by cron).

Publishing with a future go-live only schedules it; the announcement waits for the moment
the page is really on the site. A scheduled new version of a live article is copied over
the live text here, at its go-live time (the old version is served until then).
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from content.models import Article
from editorial import notifications, workflow
from editorial.models import Revision


class Command(BaseCommand):
    help = "E-mail once for each scheduled article that has now gone live."

    def handle(self, *args, **options):
        due = Revision.objects.filter(
            status=Revision.Status.PUBLISHED,
            announced_at__isnull=True,
            article__status=Article.Status.PUBLISHED,
            article__published_at__lte=timezone.now(),
        ).select_related("article", "author", "approved_by")
        count = 0
        for revision in workflow.publish_due():
            notifications.went_live(revision)
            count += 1
        for revision in due:
            if revision.article.live_revision_id != revision.pk:
                continue  # a newer version replaced it before it went live
            with transaction.atomic():
                # Claimed first, so two runs at once announce it once.
                claimed = Revision.objects.filter(pk=revision.pk, announced_at__isnull=True)
                if not claimed.update(announced_at=timezone.now()):
                    continue
                notifications.went_live(revision)
            count += 1
        self.stdout.write(f"{count} go-live announcement(s) sent.")
