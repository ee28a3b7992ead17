
import django.db.models.deletion
import phonenumber_field.modelfields
from django.conf import settings
from django.db import migrations, models


def status_from_handled(apps, schema_editor):
    """Requests already marked handled become "closed"; the rest stay "new"."""
    Request = apps.get_model("screener", "ConsultationRequest")
    Request.objects.filter(handled=True).update(status="closed")
    # Numbers stored as typed ("0501234567") become E.164 like every new one.
    import phonenumbers

    for row in Request.objects.exclude(phone__startswith="+").only("pk", "phone"):
        try:
            number = phonenumbers.parse(str(row.phone), settings.CLINIC_COUNTRY)
        except phonenumbers.NumberParseException:
            continue
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        Request.objects.filter(pk=row.pk).update(phone=e164)


def handled_from_status(apps, schema_editor):
    Request = apps.get_model("screener", "ConsultationRequest")
    Request.objects.exclude(status="new").update(handled=True)


class Migration(migrations.Migration):

    dependencies = [
        ('screener', '0003_admin_history_without_names'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='consultationrequest',
            options={'ordering': ['-created_at'], 'verbose_name': 'consultation request', 'verbose_name_plural': 'consultation requests'},
        ),
        migrations.AddField(
            model_name='consultationrequest',
            name='handled_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='handled by'),
        ),
        migrations.AddField(
            model_name='consultationrequest',
            name='notes',
            field=models.TextField(blank=True, verbose_name='reception notes'),
        ),
        migrations.AddField(
            model_name='consultationrequest',
            name='reference',
            field=models.CharField(blank=True, db_index=True, max_length=12, verbose_name='reference'),
        ),
        migrations.AddField(
            model_name='consultationrequest',
            name='status',
            field=models.CharField(choices=[('new', 'New'), ('tried_to_call', 'Tried to call'), ('no_answer', 'No answer'), ('booked', 'Booked'), ('closed', 'Closed')], db_index=True, default='new', max_length=16, verbose_name='status'),
        ),
        migrations.RunPython(status_from_handled, handled_from_status),
        migrations.RemoveField(
            model_name='consultationrequest',
            name='handled',
        ),
        migrations.AlterField(
            model_name='consultationrequest',
            name='phone',
            field=phonenumber_field.modelfields.PhoneNumberField(help_text='Stored in international form, e.g. +9665…', max_length=32, region=None, verbose_name='phone'),
        ),
        migrations.AlterField(
            model_name='consultationrequest',
            name='preferred_time',
            field=models.CharField(choices=[('any', 'Any day, any time'), ('morning', 'Any day, in the morning (9:00 to 12:00)'), ('afternoon', 'Any day, in the afternoon (12:00 to 17:00)'), ('evening', 'Any day, in the evening (17:00 to 20:00)'), ('weekdays', 'Sunday to Thursday, any time'), ('weekend', 'Friday or Saturday, any time')], default='any', max_length=12, verbose_name='preferred contact time'),
        ),
    ]
