"""The admin's history named each consultation request after the visitor (its old __str__).

Rewrite those entries as "Consultation request #<id>", so no visitor's name outlives the
request it came with.
"""

from django.db import migrations


def forget_names(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    LogEntry = apps.get_model("admin", "LogEntry")
    content_type = ContentType.objects.filter(
        app_label="screener", model="consultationrequest"
    ).first()
    if content_type is None:
        return
    entries = list(LogEntry.objects.filter(content_type=content_type))
    for entry in entries:
        entry.object_repr = f"Consultation request #{entry.object_id}"
    LogEntry.objects.bulk_update(entries, ["object_repr"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("screener", "0002_reception_group"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forget_names, migrations.RunPython.noop)]
