"""Rebuild the search index, after the stemming rules change or a bulk update."""

from django.core.management.base import BaseCommand
from django.db import transaction

from content.models import Article
from search.index import rebuild
from search.query import forget_vocabulary


class Command(BaseCommand):
    help = "Rebuild the search index of every article."

    def handle(self, *args, **options):
        with transaction.atomic():
            count = rebuild(Article.objects.select_related("latest_revision"))
        forget_vocabulary()
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt for {count} articles."))
