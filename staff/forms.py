"""The admin's sign-in form, with an error that says what is really wrong."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _


class StaffAuthenticationForm(AdminAuthenticationForm):
    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "not_staff": _(
            "This account has no access to the administration yet: ask the clinic's "
            "administrator to give it a staff group (Content editors, Reception or "
            "Medical reviewers)."
        ),
    }

    def confirm_login_allowed(self, user):
        if user.is_active and not user.is_staff:
            raise forms.ValidationError(self.error_messages["not_staff"], code="not_staff")
        super().confirm_login_allowed(user)
