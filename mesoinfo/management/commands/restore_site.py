"""Load a backup made by backup_site into a freshly migrated, empty database."""

import tempfile
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from mesoinfo import backup
from mesoinfo.backup import rows_in_use


class Command(BaseCommand):
    help = (
        "Restore a backup written by backup_site. Run `manage.py migrate` first. Refuses a "
        "database that already holds content, requests or users unless --force is given; "
        "the whole file loads in one transaction, or nothing does. An encrypted backup "
        "(.age) needs --identity, the age private key kept off the server."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup file (.json, .json.gz, or either + .age)")
        parser.add_argument("--identity", help="The age identity file that decrypts it.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even into a database in use (rows with the same keys are overwritten).",
        )

    def handle(self, *args, path, identity, force, **options):
        in_use = rows_in_use()
        if in_use and not force:
            listing = ", ".join(f"{label}: {count}" for label, count in sorted(in_use.items()))
            raise CommandError(
                f"This database is not empty ({listing}). Restore into a new, migrated "
                "database, or add --force to load over what is there."
            )
        if path.endswith(backup.ENCRYPTED_SUFFIX):
            self.load_encrypted(Path(path), identity)
        else:
            call_command("loaddata", path, verbosity=0)
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"Restored the site from {path}."))

    def load_encrypted(self, path, identity):
        if not identity:
            raise CommandError("This backup is encrypted: give its age identity with --identity.")
        try:
            data = backup.decrypt(path.read_bytes(), identity)
        except (ValueError, OSError) as error:
            raise CommandError(str(error)) from error
        # loaddata reads a file: the decrypted copy lives in a folder only we can read
        # (mkdtemp makes it 0700) and is deleted at once.
        with tempfile.TemporaryDirectory() as folder:
            plain = Path(folder) / path.name.removesuffix(backup.ENCRYPTED_SUFFIX)
            plain.write_bytes(data)
            call_command("loaddata", str(plain), verbosity=0)
