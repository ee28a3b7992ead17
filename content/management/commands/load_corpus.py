"""Load the article corpus from content/corpus/ into the database.

Adds what is missing and never overwrites the live text: a changed article file becomes
a revision awaiting medical review ("proposed" in the summary).
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from content.corpus_loader import load_corpus


class Command(BaseCommand):
    help = (
        "Add the articles, categories, reviewers and sources of content/corpus/ that are missing."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            added = load_corpus()
        summary = ", ".join(f"{count} {name}" for name, count in added.items())
        self.stdout.write(self.style.SUCCESS(f"Corpus loaded; added {summary}."))
