"""Rewrite the stored search words of every article: the normalisation rules changed.

Each word is now stored with all its forms (its spelling and its stems without the
prefixes و ف ب ك ل ال), after compatibility normalisation (NFKC) and without
zero-width joiners or direction marks. The same rewrite as `manage.py reindex_search`.
"""

from django.db import migrations

LANGUAGES = ("ar", "en")
FIELDS = ("title", "summary", "body")


def rebuild_search_columns(apps, schema_editor):
    """Write the search columns of every article from its title, summary and body."""
    from content.search import normalise, plain_text

    Article = apps.get_model("content", "Article")
    articles = list(Article.objects.all())
    for article in articles:
        for code in LANGUAGES:
            for field in FIELDS:
                text = getattr(article, f"{field}_{code}") or ""
                if field == "body":
                    text = plain_text(text)
                setattr(article, f"search_{field}_{code}", normalise(text, code))
    columns = [f"search_{field}_{code}" for code in LANGUAGES for field in FIELDS]
    Article.objects.bulk_update(articles, columns, batch_size=100)


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0005_integrity"),
    ]

    operations = [
        migrations.RunPython(rebuild_search_columns, migrations.RunPython.noop, elidable=True),
    ]
