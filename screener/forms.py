"""The screener's answer form and the consultation request form."""

import secrets
import time

import phonenumbers
from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from mesoinfo.validators import clean_visitor_text, validate_has_a_letter

from . import phones
from .models import ConsultationRequest
from .questions import ANSWER_CHOICES, ANSWER_CODES

TOKEN_SALT = "screener.consultation-form"  # noqa: S105 (a signing salt, not a secret)


FROM_CODE = {code: answer for answer, code in ANSWER_CODES.items()}


class AnswerForm(forms.Form):
    """One answer, sent as its one-letter code (every answer makes a body of one length);
    cleaned_data["answer"] is the answer itself (YES, NO or NOT_SURE)."""

    answer = forms.ChoiceField(
        choices=[(ANSWER_CODES[value], label) for value, label in ANSWER_CHOICES],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose Yes, No or I'm not sure."),
            "invalid_choice": _("Choose Yes, No or I'm not sure."),
        },
    )

    def __init__(self, *args, initial=None, **kwargs):
        if initial and initial.get("answer") in ANSWER_CODES:
            initial = {**initial, "answer": ANSWER_CODES[initial["answer"]]}
        super().__init__(*args, initial=initial, **kwargs)

    def clean_answer(self):
        return FROM_CODE[self.cleaned_data["answer"]]


def restore_errors(form, draft):
    """`form`, bound to a refused form's kept fields, showing the errors it was refused with
    (the fields may have been cut to fit the cookie; the errors say why they were refused)."""
    errors = form.errors  # the kept fields validated once; replaced by the kept errors
    errors.clear()
    for name, messages in draft.get("errors", {}).items():
        for message in messages:
            form.add_error(name if name in form.fields else None, message)
    return form


def new_form_token(confirmed=False):
    """A signed, single-use id for one consultation form: a request sent twice is stored once.

    `confirmed`: the form shown again after a send that came very quickly (autofill), so
    that the visitor's second press is accepted however soon it comes (review D16)."""
    data = {"n": secrets.token_hex(16), "t": int(time.time())}
    if confirmed:
        data["c"] = 1
    return signing.dumps(data, salt=TOKEN_SALT)


# The error code of a form sent sooner after opening than a person usually takes: the
# form comes back with a calm request to check and send it again, not as an error.
TOO_QUICK = "confirm"


# The clinic's time zone as patients name it (finding L7: not «Asia/Riyadh»).
ZONE_NAMES = {
    "Asia/Riyadh": _("Riyadh time, Saudi Arabia"),
    "Asia/Dubai": _("Dubai time, United Arab Emirates"),
    "Africa/Cairo": _("Cairo time, Egypt"),
    "Asia/Amman": _("Amman time, Jordan"),
    "Asia/Beirut": _("Beirut time, Lebanon"),
    "Asia/Kuwait": _("Kuwait time"),
    "Asia/Qatar": _("Doha time, Qatar"),
    "Asia/Bahrain": _("Manama time, Bahrain"),
    "Asia/Muscat": _("Muscat time, Oman"),
    "Europe/London": _("London time, United Kingdom"),
}


def zone_name(zone):
    """The clinic's time zone as patients name it: from ZONE_NAMES, else its city
    ("America/New_York" -> "New York"), never the raw id."""
    return ZONE_NAMES.get(zone) or zone.rsplit("/", 1)[-1].replace("_", " ")


def example_numbers():
    """A mobile number of the clinic's country, as people write it there and from abroad."""
    region = phones.default_region()
    number = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    if number is None:
        return "", ""
    return (
        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL),
        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
    )


class MultilineField(forms.CharField):
    """Text from a textarea, its line breaks counted once, as the browser counts them."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value


class ConsultationForm(forms.ModelForm):
    # No "maxlength" attribute anywhere: a browser would cut the text silently; the server
    # says how long it may be instead.
    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        strip=False,  # "   " gets its own message, not "Enter your name"
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": _("Enter your name."),
            "max_length": ngettext_lazy(
                "Your name must be %(limit_value)d character or fewer.",
                "Your name must be %(limit_value)d characters or fewer.",
                "limit_value",
            ),
        },
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel", "dir": "ltr"}),
        error_messages={
            "required": _("Enter your phone number."),
            "max_length": ngettext_lazy(
                "The phone number must be %(limit_value)d character or fewer.",
                "The phone number must be %(limit_value)d characters or fewer.",
                "limit_value",
            ),
        },
    )
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
    website = forms.CharField(
        required=False,
        max_length=200,
        label=_("Leave this field empty"),
        # Never in the tab order and never autofilled, so no person can fill it by mistake.
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    token = forms.CharField(
        widget=forms.HiddenInput,
        max_length=300,
        error_messages={
            "required": _("This form has expired. Please check your details and send it again."),
            "max_length": _("This form has expired. Please check your details and send it again."),
        },
    )

    class Meta:
        model = ConsultationRequest
        fields = ["name", "phone", "email", "preferred_language", "preferred_time", "message"]
        field_classes = {"message": MultilineField}
        error_messages = {
            "email": {
                "invalid": _("Enter an email address in the correct form, like name@example.com."),
                "max_length": ngettext_lazy(
                    "The email address must be %(limit_value)d character or fewer.",
                    "The email address must be %(limit_value)d characters or fewer.",
                    "limit_value",
                ),
            },
            "preferred_language": {
                "required": _("Choose the language you would like us to use."),
                "invalid_choice": _("Choose the language you would like us to use."),
            },
            "preferred_time": {
                "required": _("Choose the best time to call you."),
                "invalid_choice": _("Choose the best time to call you."),
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
            "email": _("Email (optional)"),
            "preferred_language": _("Language you would like us to use"),
            "preferred_time": _("Best time to call you"),
            "message": _("Message (optional)"),
        }
        help_texts = {
            "message": _("Up to 1000 characters. Please do not write medical details here."),
        }
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
            "preferred_language": forms.RadioSelect,
            "preferred_time": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(
        self,
        *args,
        outcome_available=False,
        opened_at=None,
        submitted_at=None,
        busy=False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        # While the site is flooded (screener.limits.site_is_busy) a form must stay open
        # longer before it is sent.
        self.busy = busy
        self.min_fill_seconds = (
            settings.CONSULTATION_BUSY_FILL_SECONDS
            if busy
            else settings.CONSULTATION_MIN_FILL_SECONDS
        )
        # When the visitor first opened the form, and when they sent it: a refused form
        # shown again after its redirect is judged at the time it was sent.
        self.opened_at, self.submitted_at = opened_at, submitted_at
        national, international = example_numbers()
        self.fields["phone"].help_text = _(
            "For example %(national)s, or with the country code if you are abroad, "
            "like %(international)s."
        ) % {"national": national, "international": international}
        self.fields["preferred_time"].help_text = _(
            "Times are the clinic's local time (%(zone)s)."
        ) % {"zone": zone_name(settings.TIME_ZONE)}
        self.fields["preferred_language"].choices = settings.LANGUAGES  # no "---------"
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        for field in self.fields.values():
            field.widget.attrs.pop("maxlength", None)
        if not outcome_available:
            del self.fields["attach_outcome"]

    def clean_name(self):
        # A NUL never reaches this: Django's validator refuses it in every text field.
        name = self.cleaned_data["name"]
        if not name.strip():
            raise forms.ValidationError(
                _("Your name cannot be only spaces. Enter your name."), code="blank"
            )
        name = clean_visitor_text(name)
        validate_has_a_letter(name)
        return name

    def clean_phone(self):
        phone = phones.to_e164(self.cleaned_data["phone"])
        if phone is None:
            national, international = example_numbers()
            raise forms.ValidationError(
                _("Enter a phone number, like %(national)s or %(international)s.")
                % {"national": national, "international": international},
                code="invalid",
            )
        return phone

    def clean_message(self):
        return clean_visitor_text(self.cleaned_data["message"], multiline=True)

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty."))
        return ""

    def clean_token(self):
        now = self.submitted_at or time.time()
        try:
            data = signing.loads(self.cleaned_data["token"], salt=TOKEN_SALT)
            nonce, issued = str(data["n"]), int(data["t"])
            confirmed = bool(data.get("c"))
        except (signing.BadSignature, KeyError, TypeError, ValueError, AttributeError):
            issued = None
        if issued is None or now - issued > settings.CONSULTATION_FORM_MAX_AGE:
            raise forms.ValidationError(
                _("This form has expired. Please check your details and send it again.")
            )
        # The anti-bot timer runs from the first time this visitor opened the form, so a
        # form shown again after an error may be sent at once.
        opened = min(issued, self.opened_at or issued)
        if now - opened >= self.min_fill_seconds:
            return nonce
        if self.busy:  # while the site is flooded the timer is firm
            raise forms.ValidationError(
                _("That was very quick. Please check your details and send the form again.")
            )
        if not confirmed:
            raise forms.ValidationError(
                _("Please check your details, then send the request again."), code=TOO_QUICK
            )
        return nonce
