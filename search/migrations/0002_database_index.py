"""The full-text index itself: FTS5 on SQLite, a weighted tsvector with a GIN index on
PostgreSQL. Neither is a Django field, so each database gets its own SQL."""

from django.db import migrations

COLUMNS = "title, headings, summary, body"
SQLITE = [
    f"CREATE VIRTUAL TABLE search_fts USING fts5({COLUMNS}, content='search_searchdocument',"
    " content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN"
    f" INSERT INTO search_fts(rowid, {COLUMNS})"
    " VALUES (new.id, new.title, new.headings, new.summary, new.body); END",
    "CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN"
    f" INSERT INTO search_fts(search_fts, rowid, {COLUMNS})"
    " VALUES ('delete', old.id, old.title, old.headings, old.summary, old.body); END",
    "CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN"
    f" INSERT INTO search_fts(search_fts, rowid, {COLUMNS})"
    " VALUES ('delete', old.id, old.title, old.headings, old.summary, old.body);"
    f" INSERT INTO search_fts(rowid, {COLUMNS})"
    " VALUES (new.id, new.title, new.headings, new.summary, new.body); END",
]
SQLITE_REVERSE = [
    "DROP TRIGGER search_fts_update",
    "DROP TRIGGER search_fts_delete",
    "DROP TRIGGER search_fts_insert",
    "DROP TABLE search_fts",
]
POSTGRES = [
    "ALTER TABLE search_searchdocument ADD COLUMN document tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple'::regconfig, title), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, headings), 'B') || "
    "setweight(to_tsvector('simple'::regconfig, summary), 'C') || "
    "setweight(to_tsvector('simple'::regconfig, body), 'D')) STORED",
    "CREATE INDEX search_document_gin ON search_searchdocument USING gin (document)",
]
POSTGRES_REVERSE = [
    "DROP INDEX search_document_gin",
    "ALTER TABLE search_searchdocument DROP COLUMN document",
]


def run(statements):
    def apply(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for sql in statements.get(vendor, []):
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
