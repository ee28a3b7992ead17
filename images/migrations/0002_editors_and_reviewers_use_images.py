"""Content editors keep the image library (add, change, delete, view); medical reviewers
see it, to check a picture they sign off with an article."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RIGHTS = {
    "Content editors": ["add_image", "change_image", "delete_image", "view_image"],
    "Medical reviewers": ["view_image"],
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in RIGHTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="images", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("images", "0001_image_library"),
        ("content", "0012_medical_reviewers_group"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
