"""Rewrite the searchable words of every article, after the normalisation rules change.

Articles keep their search columns up to date whenever they are saved; this is only
needed when content.search changes, or after a bulk update that bypassed save().
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from content.models import Article
from content.search import rewrite_search_columns


class Command(BaseCommand):
    help = "Rewrite the normalised search text of every article."

    def handle(self, *args, **options):
        with transaction.atomic():
            count = rewrite_search_columns(Article)
        self.stdout.write(self.style.SUCCESS(f"Search text rewritten for {count} articles."))
