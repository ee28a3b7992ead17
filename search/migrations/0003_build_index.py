"""Index the articles that exist already (new and edited ones are indexed when saved)."""

from django.db import migrations


def build(apps, schema_editor):
    from search.index import rebuild

    rebuild(apps.get_model("content", "Article").objects.all())


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_database_index"),
        ("content", "0009_search_moves_to_its_app"),
    ]

    operations = [migrations.RunPython(build, migrations.RunPython.noop)]
