"""The screener's answer form and the consultation request form."""

import re
import secrets
import time
import unicodedata

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .models import ConsultationRequest
from .questions import ANSWER_CHOICES

PHONE_SEPARATORS = re.compile(r"[\s\-–.()/\u200e\u200f\u202a-\u202e]")
# Digits only, with an optional + that a country code (never 0) follows: E.164's shape.
PHONE_NUMBER = re.compile(r"\+[1-9][0-9]{6,14}|[0-9]{7,15}")
TOKEN_SALT = "screener.consultation-form"  # noqa: S105 (a signing salt, not a secret)


def western_digits(value):
    """Every Unicode decimal digit (Arabic-Indic, Persian, full-width…) as 0-9."""
    return "".join(str(unicodedata.decimal(char)) if char.isdecimal() else char for char in value)


def normalise_phone(value):
    """'+٩٦٦ ٥٠-١٢٣ ٤٥٦٧' -> '+966501234567'; None when it is not a phone number."""
    value = PHONE_SEPARATORS.sub("", western_digits(value)).replace("\uff0b", "+")
    if value.startswith("00"):
        value = "+" + value[2:]
    if not PHONE_NUMBER.fullmatch(value):
        return None
    return value


class MultilineField(forms.CharField):
    """Text from a textarea, its line breaks counted once, as the browser's maxlength does."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        choices=ANSWER_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose Yes, No or I'm not sure."),
            "invalid_choice": _("Choose Yes, No or I'm not sure."),
        },
    )


def new_form_token():
    return signing.dumps({"n": secrets.token_hex(16), "t": int(time.time())}, salt=TOKEN_SALT)


class ConsultationForm(forms.ModelForm):
    consent_to_contact = forms.BooleanField(
        label=_("I agree that the clinic may contact me about this request."),
        error_messages={"required": _("Tick this box so that the clinic may contact you.")},
    )
    attach_outcome = forms.BooleanField(
        required=False,
        label=_("Attach my screener result to this request."),
        help_text=_(
            "Optional. Only the result and the questions you answered Yes or I'm not sure "
            "are sent; nothing about your health is kept without this tick."
        ),
    )
    # A field people never see: automated senders fill it in.
    website = forms.CharField(required=False, max_length=200, label=_("Leave this field empty"))
    token = forms.CharField(widget=forms.HiddenInput, max_length=300)

    class Meta:
        model = ConsultationRequest
        fields = ["name", "phone", "email", "preferred_language", "preferred_time", "message"]
        field_classes = {"message": MultilineField}
        # Each field's own "at most N characters" message; Django's validator gives N.
        error_messages = {
            "name": {
                "max_length": ngettext_lazy(
                    "Your name must be %(limit_value)d character or fewer.",
                    "Your name must be %(limit_value)d characters or fewer.",
                    "limit_value",
                )
            },
            "email": {
                "max_length": ngettext_lazy(
                    "The email address must be %(limit_value)d character or fewer.",
                    "The email address must be %(limit_value)d characters or fewer.",
                    "limit_value",
                )
            },
            "message": {
                "max_length": ngettext_lazy(
                    "The message must be %(limit_value)d character or fewer.",
                    "The message must be %(limit_value)d characters or fewer.",
                    "limit_value",
                )
            },
        }
        labels = {
            "name": _("Your name"),
            "phone": _("Phone number"),
            "email": _("Email (optional)"),
            "preferred_language": _("Language you would like us to use"),
            "preferred_time": _("Best time to call you"),
            "message": _("Message (optional)"),
        }
        help_texts = {
            "phone": _(
                "With the country code if you are outside the country, e.g. +966 50 123 4567."
            ),
            "message": _("Up to 1000 characters. Please do not write medical details here."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "message": forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
        }

    def __init__(self, *args, outcome_available=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"] = forms.CharField(
            label=_("Phone number"),
            max_length=32,
            error_messages={
                "max_length": ngettext_lazy(
                    "The phone number must be %(limit_value)d character or fewer.",
                    "The phone number must be %(limit_value)d characters or fewer.",
                    "limit_value",
                )
            },
            help_text=self.fields["phone"].help_text,
            widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel", "dir": "ltr"}),
        )
        self.fields["email"].widget.attrs["dir"] = "ltr"
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        if not outcome_available:
            del self.fields["attach_outcome"]

    def clean_phone(self):
        phone = normalise_phone(self.cleaned_data["phone"])
        if phone is None:
            raise forms.ValidationError(
                _("Enter a phone number of 7 to 15 digits, with an optional + at the start.")
            )
        return phone

    def clean_name(self):
        # A NUL never reaches this: Django's validator refuses it in every text field.
        name = self.cleaned_data["name"]
        if not name.strip():
            raise forms.ValidationError(_("Enter your name."))
        return name

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty."))
        return ""

    def clean_token(self):
        try:
            data = signing.loads(
                self.cleaned_data["token"],
                salt=TOKEN_SALT,
                max_age=settings.CONSULTATION_FORM_MAX_AGE,
            )
            nonce, started = str(data["n"]), int(data["t"])
            if time.time() - started > settings.CONSULTATION_FORM_MAX_AGE:
                raise signing.SignatureExpired("form too old")
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            raise forms.ValidationError(
                _("This form has expired. Please check your details and send it again.")
            ) from None
        if time.time() - started < settings.CONSULTATION_MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _("That was very quick. Please check your details and send the form again.")
            )
        return nonce
