from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "images"
    verbose_name = _("Image library")

    def ready(self):
        from content import rendering

        from . import illustrations, markup

        # content draws `![…](image:<id>)` and `![…](illustration:<name>)` through these
        # (content imports no app of ours; this app fills its registry).
        rendering.register_embed("image", markup.figures)
        rendering.register_embed("illustration", illustrations.figures)
