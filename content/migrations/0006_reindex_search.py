"""Rewrite the stored search words of every article: the normalisation rules changed.

Each word is now stored with all its forms (its spelling and its stems without the
prefixes و ف ب ك ل ال), after compatibility normalisation (NFKC) and without
zero-width joiners or direction marks. The same rewrite as `manage.py reindex_search`.
"""

from django.db import migrations

def rebuild_search_columns(apps, schema_editor):
    """Superseded: the columns are dropped by 0007 and the index is built by search.0003."""


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0005_integrity"),
    ]

    operations = [
        migrations.RunPython(rebuild_search_columns, migrations.RunPython.noop, elidable=True),
    ]
