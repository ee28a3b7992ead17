"""Every user-visible string has an Arabic translation, and none is fuzzy."""

from pathlib import Path

import polib

PO = Path(__file__).resolve().parent.parent / "locale" / "ar" / "LC_MESSAGES" / "django.po"


def test_arabic_catalogue_is_complete():
    catalogue = polib.pofile(str(PO))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []
    assert len(catalogue.translated_entries()) > 20


def test_plural_forms_are_arabic():
    catalogue = polib.pofile(str(PO))
    assert "nplurals=6" in catalogue.metadata["Plural-Forms"]
