"""The six-digit code form, for enrolment and for signing in."""

import unicodedata

from django import forms
from django.contrib.auth import authenticate
from django.utils.translation import gettext_lazy as _


def western_digits(text):
    """Arabic-Indic or Persian digits as 0-9 (a phone set to Arabic types them)."""
    return "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in text)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "dir": "ltr",
                "autofocus": True,
                "size": 8,
            }
        ),
    )

    def __init__(self, *args, device=None, **kwargs):
        self.device = device
        super().__init__(*args, **kwargs)

    def clean_code(self):
        code = "".join(western_digits(self.cleaned_data["code"]).split())
        if not (code.isascii() and code.isdigit() and len(code) == 6):
            raise forms.ValidationError(_("Enter the six digits your app shows."))
        allowed, _details = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(
                _("Too many wrong codes in a row. Wait a few seconds, then try the newest code.")
            )
        if not self.device.verify_token(code):
            raise forms.ValidationError(
                _("That code is wrong or has expired. Try the newest code your app shows.")
            )
        return code


class PasswordAgainForm(forms.Form):
    """The password once more before an authenticator app is set up: a session left open,
    or taken, cannot add a second factor of its own. Checked through authenticate(), so
    wrong passwords count towards the sign-in pause like any other."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        user = self.request.user
        again = authenticate(self.request, username=user.get_username(), password=password)
        if again is None or again.pk != user.pk:
            raise forms.ValidationError(_("That password is not right. Type it again."))
        return password
