"""Administrators see who has set up an authenticator app, and reset a lost one by deleting
it: its owner then sets up a new one at the next sign-in."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp import admin as otp_totp_admin
from django_otp.plugins.otp_totp.models import TOTPDevice

from mesoinfo.read_only_admin import ReadOnlyAdminMixin

from .models import AuthenticatorApp

# django-otp's own page shows the secret key and its QR code to any administrator, in
# English only; this one shows neither.
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)
del otp_totp_admin


@admin.register(AuthenticatorApp)
class AuthenticatorAppAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    # Each staff member sets up their own app at sign-in; deleting one resets it.
    deletable = True
    list_display = ["owner", "is_set_up", "created", "last_used"]
    search_fields = ["user__username"]
    fields = ["owner", "is_set_up", "created", "last_used"]
    readonly_fields = fields
    list_select_related = ["user"]

    @admin.display(description=_("staff member"), ordering="user__username")
    def owner(self, app):
        return app.user

    @admin.display(description=_("set up"), boolean=True, ordering="confirmed")
    def is_set_up(self, app):
        return app.confirmed

    @admin.display(description=_("added"), ordering="created_at")
    def created(self, app):
        return app.created_at

    @admin.display(description=_("last used"), ordering="last_used_at")
    def last_used(self, app):
        return app.last_used_at
