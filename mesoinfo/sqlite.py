"""SQLite's files (the database, its WAL and shared-memory files) readable by their owner
alone: they hold every consultation request and password hash.

SQLite creates the database with the process's umask (usually world-readable) and gives
the WAL and shared-memory files the database's own mode, so making the database 0600 as
soon as a connection opens it keeps the others private too.
"""

import os

FILE_SUFFIXES = ["", "-wal", "-shm", "-journal"]


def keep_files_private(sender, connection, **kwargs):
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        return
    name = str(connection.settings_dict["NAME"])
    for suffix in FILE_SUFFIXES:
        try:
            os.chmod(name + suffix, 0o600)
        except FileNotFoundError:
            continue
        except PermissionError:
            continue  # another user's file: theirs to protect


def checkpoint(connection):
    """Move the WAL's pages into the database and empty it, so that rows just deleted no
    longer sit in the WAL file."""
    if connection.vendor == "sqlite" and not connection.is_in_memory_db():
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
