from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from content import contributions

        from . import signals
        from .admin import staff_search

        signals.connect()
        contributions.article_searches.append(staff_search)
