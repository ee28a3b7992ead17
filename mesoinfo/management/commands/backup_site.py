"""Write every article, request and staff account to one JSON file."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from mesoinfo.backup import BACKUP_LABELS


class Command(BaseCommand):
    help = (
        "Back up all content (both languages, with its history), consultation requests, "
        "staff accounts and groups to a JSON file (.json, or .json.gz to compress it). "
        "The file holds personal data and password hashes: keep it as safe as the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The file to write, e.g. backup-2026-11-24.json.gz")

    def handle(self, *args, path, **options):
        if not path.endswith((".json", ".json.gz")):
            raise CommandError("The backup file's name must end in .json or .json.gz.")
        call_command(
            "dumpdata",
            *BACKUP_LABELS,
            natural_foreign=True,
            natural_primary=True,
            indent=1,
            output=path,
            verbosity=0,
        )
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"Backed up the site to {path}."))
