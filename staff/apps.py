from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "staff"
    verbose_name = _("Staff")

    def ready(self):
        from . import admin_i18n, signals

        signals.connect()
        admin_i18n.translate_admin()
