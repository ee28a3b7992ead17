"""A file cache for rate-limit counts: it never drops a live entry to make room."""

from django.core.cache.backends.filebased import FileBasedCache


class CounterFileCache(FileBasedCache):
    """FileBasedCache whose cull deletes only expired entries.

    Django's file cache, once MAX_ENTRIES is reached, deletes a random third of its
    entries: a flood of other keys would then reset the counts and lift the limits. Here
    MAX_ENTRIES only says when to sweep out counts whose window has passed.
    """

    def _cull(self):
        files = self._list_cache_files()
        if len(files) < self._max_entries:
            return
        for name in files:
            try:
                with open(name, "rb") as file:
                    self._is_expired(file)  # deletes the file when it has expired
            except FileNotFoundError:  # another process swept it first
                continue
