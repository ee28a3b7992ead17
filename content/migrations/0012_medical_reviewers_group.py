"""The "Medical reviewers" group, and what Content editors no longer may do.

Only reviewers (and administrators) approve, publish, unpublish and delete articles and
change reviewer records; editors write drafts, submit them and archive articles.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Content editors"
REVIEWERS = "Medical reviewers"
# Taken from Content editors: a doctor's name on a page must be that doctor's doing.
EDITOR_LOSES = ["delete_article", "add_reviewer", "change_reviewer", "delete_reviewer"]
REVIEWER_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("article", "category", "reviewer", "source")
    for action in ("add", "change", "delete", "view")
] + ["publish_article", "view_feedback", "view_page", "change_page", "view_articledueforreview"]


def create_permissions_now(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_group(apps, schema_editor):
    create_permissions_now(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.remove(
        *Permission.objects.filter(content_type__app_label="content", codename__in=EDITOR_LOSES)
    )
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    reviewers.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="content", codename__in=REVIEWER_PERMISSIONS
        )
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=REVIEWERS).delete()


class Migration(migrations.Migration):
    dependencies = [("content", "0011_workflow_revisions")]

    operations = [migrations.RunPython(create_group, remove_group)]
