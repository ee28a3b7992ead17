from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClinicConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "clinic"
    verbose_name = _("The clinic")

    def ready(self):
        from content import contributions

        from . import checks, signals  # noqa: F401 (checks registers itself)
        from .placeholders import fill_placeholders
        from .structured_data import add_publisher_and_author

        signals.connect()
        contributions.body_filters.append(fill_placeholders)
        contributions.json_ld_contributors.append(add_publisher_and_author)
