"""What a site backup holds, and how to tell an empty database from one in use.

A backup is Django's JSON fixture format: every article, category, reviewer and
source in both languages with their history and revisions (editorial/), every
consultation request, and the staff accounts and groups (users and permissions by
natural key, so the file loads into any freshly migrated database).
"""

from django.apps import apps
from django.contrib.auth import get_user_model

BACKUP_LABELS = ["auth.group", "auth.user", "content", "editorial", "screener"]


def rows_in_use():
    """{model label: row count} for every backed-up table that already holds rows.

    Groups are left out: migrations create them in every new database.
    """
    models = [get_user_model()]
    for app_label in ("content", "editorial", "screener"):
        models += list(apps.get_app_config(app_label).get_models())
    counts = {model._meta.label: model._default_manager.count() for model in models}
    return {label: count for label, count in counts.items() if count}
