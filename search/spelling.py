"""Whether a query word is a real word of its language, asked of Hunspell.

"Did you mean" replaces only words that are not real words: "shower" is never turned
into "showed", nor «أستحم» into «استمر», though the articles hold only the latter.
Hunspell (Debian's `hunspell` with `hunspell-ar` and `hunspell-en-gb`) runs as one
long-lived process per language in its pipe mode, started at the first question; a word
is asked once per process. Without Hunspell or a dictionary for the language, every
word the articles do not know may be corrected, as before.
"""

import functools
import glob
import logging
import shutil
import subprocess
import threading
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)
DICTIONARY_FOLDER = "/usr/share/hunspell"


def dictionary(language):
    """The Hunspell dictionary of a language: settings.SEARCH_HUNSPELL_DICTIONARIES, or
    the one named after the language's code in DICTIONARY_FOLDER (ar.dic, en_GB.dic)."""
    chosen = getattr(settings, "SEARCH_HUNSPELL_DICTIONARIES", {})
    if language in chosen:
        return chosen[language]
    folder = Path(DICTIONARY_FOLDER)
    if (folder / f"{language}.dic").exists():
        return language
    found = sorted(glob.glob(str(folder / f"{language}_*.dic")))
    return Path(found[0]).stem if found else ""


class Checker:
    """One Hunspell process in pipe mode (`hunspell -a`): a word in, a verdict out."""

    def __init__(self, name):
        self.lock = threading.Lock()
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments, no shell
            [shutil.which("hunspell"), "-a", "-i", "utf-8", "-d", name],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )
        self.process.stdout.readline()  # the banner

    def is_word(self, word):
        with self.lock:
            # "^" makes Hunspell read the rest of the line as text, never as a command.
            self.process.stdin.write("^" + word + "\n")
            self.process.stdin.flush()
            verdicts = []
            while line := self.process.stdout.readline().rstrip("\n"):
                verdicts.append(line[:1])
        return bool(verdicts) and all(v in "*+-" for v in verdicts)


@functools.cache
def checker(language):
    name = dictionary(language)
    if not name or not shutil.which("hunspell"):
        logger.warning("No Hunspell dictionary for %s: real words may be corrected", language)
        return None
    return Checker(name)


@functools.lru_cache(maxsize=20_000)
def is_real_word(word, language):
    """Whether Hunspell knows `word` in `language` (False without Hunspell)."""
    found = checker(language)
    if found is None or not word.strip():
        return False
    try:
        return found.is_word(word)
    except OSError:
        logger.exception("Hunspell stopped answering")
        checker.cache_clear()
        return False
