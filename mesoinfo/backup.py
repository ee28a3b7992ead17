"""What a site backup holds (a JSON fixture, users and permissions by natural key so that
it loads into any freshly migrated database), its age encryption and rotation, and how to
tell an empty database from one in use. README's "Content history, backup and restore"
says how to run it."""

import re
import time
from pathlib import Path

import pyrage
from django.apps import apps

from mesoinfo import registry

# Every model mesoinfo/registry.py marks as backed up (each other model is named there with
# the reason it is left out).
BACKUP_LABELS = registry.labels(backed_up=True)
# Rows every migrated database already holds: they say nothing about a database in use.
MIGRATION_ROWS = {"auth.Group", "search.Synonym"}
# The files backup_site --folder writes, and so the only ones its rotation deletes.
BACKUP_NAME = re.compile(r"site-\d{4}-\d{2}-\d{2}T\d{6}Z\.json(\.gz)?(\.age)?")
ENCRYPTED_SUFFIX = ".age"


def rows_in_use():
    """{model label: row count} for every backed-up table that already holds rows, but those
    migrations fill (MIGRATION_ROWS)."""
    counts = {
        label: apps.get_model(label)._default_manager.count()
        for label in BACKUP_LABELS
        if label not in MIGRATION_ROWS
    }
    return {label: count for label, count in counts.items() if count}


def recipients(public_keys):
    """age recipients from public keys ("age1…"); ValueError names a malformed one."""
    found = []
    for key in public_keys:
        try:
            found.append(pyrage.x25519.Recipient.from_str(key.strip()))
        except pyrage.RecipientError as error:
            raise ValueError(f"Not an age public key: {key!r}") from error
    return found


def encrypt(data, public_keys):
    return pyrage.encrypt(data, recipients(public_keys))


def read_identities(path):
    """The private keys in an age identity file (as `age-keygen` writes it)."""
    lines = Path(path).read_text().splitlines()
    keys = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    try:
        return [pyrage.x25519.Identity.from_str(key) for key in keys]
    except pyrage.IdentityError as error:
        raise ValueError(f"{path} is not an age identity file.") from error


def decrypt(data, identity_path):
    try:
        return pyrage.decrypt(data, read_identities(identity_path))
    except pyrage.DecryptError as error:
        raise ValueError("This identity cannot decrypt the backup.") from error


def backup_name(now=None):
    return time.strftime("site-%Y-%m-%dT%H%M%SZ.json.gz", time.gmtime(now))


def rotate(folder, keep_days, now=None):
    """Delete the backups backup_site wrote in folder more than keep_days days ago; return
    their names. Nothing else in the folder is touched."""
    limit = (time.time() if now is None else now) - keep_days * 24 * 60 * 60
    removed = []
    for path in sorted(Path(folder).iterdir()):
        if BACKUP_NAME.fullmatch(path.name) and path.is_file() and path.stat().st_mtime < limit:
            path.unlink()
            removed.append(path.name)
    return removed
