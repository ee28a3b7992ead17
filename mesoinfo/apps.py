from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class MesoInfoConfig(AppConfig):
    name = "mesoinfo"
    verbose_name = _("Site housekeeping")

    def ready(self):
        from . import checks  # noqa: F401 (registers the deployment checks)
        from .languages import table
        from .sqlite import keep_files_private

        table()  # a language without its details stops the start here, not on a page

        connection_created.connect(keep_files_private, dispatch_uid="mesoinfo-sqlite-0600")

        from django.contrib.auth.signals import user_logged_in

        from .lockout import reset_own_failures

        user_logged_in.connect(reset_own_failures, dispatch_uid="mesoinfo-reset-own-failures")
