from django.apps import AppConfig
from django.db.backends.signals import connection_created


class MesoInfoConfig(AppConfig):
    name = "mesoinfo"

    def ready(self):
        from .sqlite import keep_files_private

        connection_created.connect(keep_files_private, dispatch_uid="mesoinfo-sqlite-0600")
