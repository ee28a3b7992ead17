"""Rewrite the searchable words of every article, after the normalisation rules change.

Articles keep their search columns up to date whenever they are saved; this is only
needed when content.search changes, or after a bulk update that bypassed save().
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from content.models import Article


class Command(BaseCommand):
    help = "Rewrite the normalised search text of every article."

    def handle(self, *args, **options):
        articles = list(Article.objects.all())
        for article in articles:
            for column, value in article.search_text().items():
                setattr(article, column, value)
        columns = list(Article().search_text())
        with transaction.atomic():
            Article.objects.bulk_update(articles, columns, batch_size=100)
        self.stdout.write(
            self.style.SUCCESS(f"Search text rewritten for {len(articles)} articles.")
        )
