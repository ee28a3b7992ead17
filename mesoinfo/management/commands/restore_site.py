"""Load a backup made by backup_site into a freshly migrated, empty database."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from mesoinfo.backup import rows_in_use


class Command(BaseCommand):
    help = (
        "Restore a backup written by backup_site. Run `manage.py migrate` first. Refuses a "
        "database that already holds content, requests or users unless --force is given; "
        "the whole file loads in one transaction, or nothing does."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup file (.json or .json.gz)")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even into a database in use (rows with the same keys are overwritten).",
        )

    def handle(self, *args, path, force, **options):
        in_use = rows_in_use()
        if in_use and not force:
            listing = ", ".join(f"{label}: {count}" for label, count in sorted(in_use.items()))
            raise CommandError(
                f"This database is not empty ({listing}). Restore into a new, migrated "
                "database, or add --force to load over what is there."
            )
        call_command("loaddata", path, verbosity=0)
        call_command("reindex_search", verbosity=0)
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"Restored the site from {path}."))
