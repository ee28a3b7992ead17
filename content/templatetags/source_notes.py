"""A source as a patient reads it: its title and publisher without our working notes.

sources.yaml keeps, inside a title or publisher, notes on what our look-up could not
confirm ("no DOI or journal page confirmed, so no link", "authors not confirmed in our
look-up", "Its DOI could not be confirmed: ..."). Those are for editors. A page shows the
citation as published and, in the page's language, one short note a patient can use.
"""

import re

from django import template
from django.utils.translation import gettext as _

register = template.Library()

# The words that mark a note of our own (not part of the citation).
NOTE_WORDS = re.compile(
    r"confirm|look-up|\bDOI\b|no link|not recorded|journal's own page|inferred|the address is",
    re.I,
)
TITLE_NOTE = re.compile(r"\s*\(([^()]*)\)\s*$")
# The last sentence or clause of a title or publisher.
LAST_CLAUSE = re.compile(r"(?:\.\s+|;\s+|,\s+(?=the address is))([^.;]*)\.?\s*$")


def take_notes(text):
    """`text` without its trailing notes, and the notes taken out."""
    notes = []
    while True:
        match = TITLE_NOTE.search(text) or LAST_CLAUSE.search(text)
        if not match or not NOTE_WORDS.search(match.group(1)):
            return text.strip(), notes
        text, notes = text[: match.start()], [match.group(1), *notes]


def split_note(source):
    """(title, publisher, working notes) of a source; the notes are "" when there are none."""
    title, title_notes = take_notes(source.title)
    publisher, publisher_notes = take_notes(source.publisher)
    return title, publisher, " ".join(title_notes + publisher_notes)


def patient_note(note, has_link):
    """What the working notes mean for a reader, in the page's language."""
    said = []
    if re.search(r"author", note, re.I):
        said.append(_("authors' names not checked"))
    if re.search(r"journal (name|not)|and journal", note, re.I):
        said.append(_("journal's name not checked"))
    if not has_link:
        said.append(_("no link available"))
    elif re.search(r"DOI (could not be |not )confirmed|\brecord\b|reprinted", note, re.I):
        said.append(_("the link leads to a record or copy of the article"))
    return _("; ").join(said)


@register.simple_tag
def citation(source):
    """{"title", "publisher", "note"} of a source, for the sources list."""
    title, publisher, note = split_note(source)
    return {
        "title": title,
        "publisher": publisher,
        "note": patient_note(note, bool(source.url)) if note else "",
    }
