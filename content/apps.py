from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "content"
    verbose_name = _("Articles")

    def ready(self):
        from . import checks, contributions, option_cards, rendering, signals  # noqa: F401

        signals.connect()
        # `<!-- option-grid: <key> -->` in a body: that grid's options as cards.
        contributions.body_filters.append(option_cards.expand)
        rendering.register_embed(option_cards.SCHEME, option_cards.draw)
