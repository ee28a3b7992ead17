"""The six-digit code form, for enrolment and for signing in."""

import unicodedata

from django import forms
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
