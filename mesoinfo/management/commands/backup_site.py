"""Write every article, request and staff account to one file, encrypted when recipients
are configured, and delete old backups."""

import gzip
import io
import os
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from mesoinfo import backup
from mesoinfo.jobs import OnceAcrossMachines


class Command(OnceAcrossMachines, BaseCommand):
    help = (
        "Back up all content (both languages, with its history), consultation requests, "
        "staff accounts and groups to a JSON file (.json, or .json.gz to compress it; "
        "with age recipients, encrypted to .json.gz.age). With --folder, the file is named "
        "by the time and backups older than BACKUP_KEEP_DAYS are deleted from the folder. "
        "The file holds personal data and password hashes."
    )

    def add_arguments(self, parser):
        where = parser.add_mutually_exclusive_group(required=True)
        where.add_argument("path", nargs="?", help="The file to write, e.g. site.json.gz")
        where.add_argument("--folder", help="Write site-<time>.json.gz[.age] here and rotate.")
        parser.add_argument(
            "--recipient",
            action="append",
            default=None,
            help="An age public key (age1…) to encrypt to; default BACKUP_AGE_RECIPIENTS.",
        )
        parser.add_argument(
            "--keep-days", type=int, default=None, help="Default: BACKUP_KEEP_DAYS."
        )
        parser.add_argument(
            "--plain",
            action="store_true",
            help="Write an unencrypted backup (when no recipient is configured).",
        )

    def handle(self, *args, path, folder, recipient, keep_days, plain, **options):
        public_keys = recipient if recipient is not None else settings.BACKUP_AGE_RECIPIENTS
        if not public_keys and not plain:
            raise CommandError(
                "No age recipient: set BACKUP_AGE_RECIPIENTS (or --recipient) so that the "
                "backup is encrypted, or add --plain to write it unencrypted."
            )
        suffix = backup.ENCRYPTED_SUFFIX if public_keys else ""
        target = Path(path) if path else Path(folder) / (backup.backup_name() + suffix)
        name = target.name.removesuffix(backup.ENCRYPTED_SUFFIX)
        encrypted_name = target.name.endswith(backup.ENCRYPTED_SUFFIX)
        if not name.endswith((".json", ".json.gz")) or encrypted_name != bool(public_keys):
            raise CommandError(
                "The backup file's name must end in .json or .json.gz, followed by .age "
                "when it is encrypted (and only then)."
            )
        data = self.dump(compress=name.endswith(".gz"))
        if public_keys:
            try:
                data = backup.encrypt(data, public_keys)
            except ValueError as error:
                raise CommandError(str(error)) from error
        write_private(target, data)
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"Backed up the site to {target}."))
        if folder:
            days = settings.BACKUP_KEEP_DAYS if keep_days is None else keep_days
            for removed in backup.rotate(folder, days):
                if options["verbosity"]:
                    self.stdout.write(f"Deleted {removed}, older than {days} days.")

    def dump(self, compress):
        """The fixture, in memory: no unencrypted copy is ever written to disk."""
        out = io.StringIO()
        call_command(
            "dumpdata",
            *backup.BACKUP_LABELS,
            natural_foreign=True,
            natural_primary=True,
            indent=1,
            stdout=out,
            verbosity=0,
        )
        data = out.getvalue().encode()
        return gzip.compress(data) if compress else data


def write_private(path, data):
    """Write the file readable by its owner alone (0600), replacing it whole or not at all."""
    temporary = path.with_name(f".{path.name}.part")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)
    os.replace(temporary, path)
