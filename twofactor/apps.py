from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwoFactorConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "twofactor"
    verbose_name = _("Two-step sign-in")

    def ready(self):
        from django.db.models.signals import post_delete
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from .notices import app_deleted

        post_delete.connect(app_deleted, sender=TOTPDevice, dispatch_uid="twofactor-app-deleted")
        # The admin deletes the proxy's rows; the signal names the class it was sent for.
        from .models import AuthenticatorApp

        post_delete.connect(
            app_deleted, sender=AuthenticatorApp, dispatch_uid="twofactor-app-deleted-proxy"
        )
