"""A third language in a test run of its own (tests/settings_french.py): the database is
migrated as for every run, then given the columns the French copies of translated fields
need (django-modeltranslation's title_fr and the like, and their history tables' copies),
which a real deployment would get from `makemigrations`."""

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection


def missing_columns():
    """(model, field) for every concrete field whose column the database lacks."""
    found = []
    with connection.cursor() as cursor:
        for model in apps.get_models():
            if not model._meta.managed or model._meta.proxy:
                continue
            table = model._meta.db_table
            columns = {
                c.name for c in connection.introspection.get_table_description(cursor, table)
            }
            found += [
                (model, f) for f in model._meta.local_concrete_fields if f.column not in columns
            ]
    return found


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), connection.schema_editor() as editor:
        for model, field in missing_columns():
            editor.add_field(model, field)


def pytest_collection_modifyitems(config, items):
    if "fr" not in dict(settings.LANGUAGES):
        skip = pytest.mark.skip(reason="needs --ds=tests.settings_french (make test runs it)")
        for item in items:
            if "third_language" in str(item.fspath):
                item.add_marker(skip)
