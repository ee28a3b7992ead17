"""Write each corpus article's `published:` and `modified:` from its files' git history.

`published` is the first commit of the article's Arabic or English file, `modified` the
last. Run it after committing a change to an article's text, then commit the result.
"""

import subprocess
from datetime import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from content.corpus_loader import CORPUS_DIR
from mesoinfo import languages

DATE_KEYS = ("published:", "modified:")
MARK = "@@commit "


def commit_dates(path):
    """The author dates (ISO 8601) of the commits that changed `path`'s text, newest first.

    A commit that changed only the date lines (this command's own output) or a merge does not
    count: otherwise every recording of the dates would move `modified` again.
    """
    result = subprocess.run(  # noqa: S603 (fixed arguments, our own repository)
        ["git", "log", "--follow", "-p", "-U0", f"--format={MARK}%aI", "--", path.name],  # noqa: S607
        cwd=path.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise CommandError(f"git log failed for {path}: {result.stderr.strip()}")
    dates, current, counts = [], None, False
    for line in result.stdout.splitlines() + [MARK]:
        if line.startswith(MARK):
            if current and counts:
                dates.append(current)
            current, counts = line[len(MARK) :].strip(), False
        elif line[:1] in ("+", "-") and not line.startswith(("+++", "---")):
            counts = counts or not line[1:].startswith(DATE_KEYS)
    return dates


def set_front_matter(text, values):
    """`text` with the given front matter keys set (added before the closing ---)."""
    head, sep, body = text[4:].partition("\n---\n")
    if not text.startswith("---\n") or not sep:
        raise CommandError("no front matter")
    lines = [line for line in head.split("\n") if line.split(":", 1)[0] not in values]
    lines += [f"{key}: {value}" for key, value in values.items()]
    return "---\n" + "\n".join(lines) + sep + body


class Command(BaseCommand):
    help = "Set published:/modified: in the corpus articles from their git history."

    def handle(self, *args, **options):
        for path in sorted((CORPUS_DIR / settings.LANGUAGE_CODE).glob("*.md")):
            files = [CORPUS_DIR / code / path.name for code in languages.codes()]
            dates = [d for file in files for d in commit_dates(file)]
            if not dates:
                self.stdout.write(f"{path.stem}: not committed yet, left alone")
                continue
            values = {
                "published": min(dates, key=datetime.fromisoformat),
                "modified": max(dates, key=datetime.fromisoformat),
            }
            path.write_text(set_front_matter(path.read_text("utf-8"), values), "utf-8")
            self.stdout.write(f"{path.stem}: {values['published']} / {values['modified']}")
