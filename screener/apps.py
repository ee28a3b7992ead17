from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreenerConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "screener"
    verbose_name = _("Screener")

    def ready(self):
        from content import contributions

        from .structured_data import contraindications_json_ld

        contributions.json_ld_contributors.append(contraindications_json_ld)
