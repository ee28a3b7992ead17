"""The clinic that runs the site: one record, edited by administrators.

Every page that names the clinic or tells a visitor how to reach it reads this
record (through the `clinic` context variable). While it is incomplete the site
says which details are missing; it never makes one up.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# E.164: a plus sign, the country code and the number, digits only (for example +9665…).
phone_validator = RegexValidator(
    r"^\+[1-9][0-9]{6,14}$",
    _("Write the number in international form: a plus sign and digits only, no spaces."),
)
# Emergency numbers are short local numbers, separated by commas.
emergency_validator = RegexValidator(
    r"^\s*[0-9]{2,6}\s*(,\s*[0-9]{2,6}\s*)*$",
    _("Write the short numbers only, separated by commas."),
)

# The countries of the Arab world, by ISO 3166-1 code; the site is written for them.
COUNTRIES = [
    ("SA", _("Saudi Arabia")),
    ("AE", _("United Arab Emirates")),
    ("KW", _("Kuwait")),
    ("QA", _("Qatar")),
    ("BH", _("Bahrain")),
    ("OM", _("Oman")),
    ("YE", _("Yemen")),
    ("IQ", _("Iraq")),
    ("JO", _("Jordan")),
    ("SY", _("Syria")),
    ("LB", _("Lebanon")),
    ("PS", _("Palestine")),
    ("EG", _("Egypt")),
    ("SD", _("Sudan")),
    ("LY", _("Libya")),
    ("TN", _("Tunisia")),
    ("DZ", _("Algeria")),
    ("MA", _("Morocco")),
    ("MR", _("Mauritania")),
    ("SO", _("Somalia")),
    ("DJ", _("Djibouti")),
    ("KM", _("Comoros")),
]


class ClinicProfile(models.Model):
    """Who runs the site and how to reach them (a single row)."""

    legal_name = models.CharField(
        _("legal name"),
        max_length=200,
        blank=True,
        help_text=_("The name under which the clinic is licensed, exactly as registered."),
    )
    trade_name = models.CharField(
        _("name shown on the site"),
        max_length=200,
        blank=True,
        help_text=_("The clinic's usual name in each language. Leave empty to use the legal name."),
    )
    address = models.TextField(_("street address"), blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES, default="SA")
    phone = models.CharField(
        _("telephone"),
        max_length=16,
        blank=True,
        validators=[phone_validator],
        help_text=_("In international form, for example +966 followed by the number, no spaces."),
    )
    whatsapp = models.CharField(
        _("WhatsApp number"),
        max_length=16,
        blank=True,
        validators=[phone_validator],
        help_text=_("Optional. In international form, no spaces."),
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    opening_hours = models.TextField(
        _("opening days and hours"),
        blank=True,
        help_text=_("For example: Sunday to Thursday, 9 am to 9 pm. One line per group of days."),
    )
    emergency_phones = models.CharField(
        _("emergency numbers"),
        max_length=100,
        blank=True,
        validators=[emergency_validator],
        help_text=_(
            "The numbers to call for an ambulance or any medical emergency in the clinic's "
            "country, separated by commas. Leave empty to use the numbers the site knows for "
            "the clinic's country. Check them with the health authority."
        ),
    )
    consultation_fee = models.DecimalField(
        _("consultation fee"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    fee_currency = models.CharField(
        _("currency"), max_length=3, default="SAR", help_text=_("ISO code, for example SAR.")
    )
    price_list = models.TextField(
        _("price list"),
        blank=True,
        help_text=_("Optional. Treatments and their prices, one per line."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("clinic profile")
        verbose_name_plural = _("clinic profile")

    # What a complete profile must have; the translated ones in every language.
    REQUIRED = ("legal_name", "phone", "email")
    REQUIRED_TRANSLATED = ("address", "city", "opening_hours")

    def __str__(self):
        return self.name or str(_("Clinic profile (not yet filled in)"))

    def save(self, *args, **kwargs):
        self.pk = 1  # one row only
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("clinic:contact")

    @classmethod
    def load(cls):
        """The profile, or an empty unsaved one while none has been entered."""
        return cls.objects.prefetch_related("licences").filter(pk=1).first() or cls()

    @property
    def name(self):
        """The name in the current language, else the legal name, else ""."""
        return self.trade_name or self.legal_name

    @property
    def own_emergency_numbers(self):
        """The emergency numbers entered in the profile, as a list of strings."""
        return [number.strip() for number in self.emergency_phones.split(",") if number.strip()]

    @property
    def emergency_numbers(self):
        """The numbers to call for an ambulance: the profile's own, else those of the
        clinic's country from the table (clinic/emergency_numbers.yaml)."""
        from .emergency import numbers_for

        return numbers_for(self)

    @property
    def licence_list(self):
        return list(self.licences.all()) if self.pk else []

    def missing_fields(self):
        """The labels of the details a visitor needs that are still empty."""
        field = self._meta.get_field
        missing = [field(name).verbose_name for name in self.REQUIRED if not getattr(self, name)]
        for name in self.REQUIRED_TRANSLATED:
            for code, language in settings.LANGUAGES:
                if not getattr(self, f"{name}_{code}", None):
                    missing.append(format_lazy("{} ({})", field(name).verbose_name, language))
        if not self.emergency_numbers:
            missing.append(field("emergency_phones").verbose_name)
        if not self.licence_list:
            missing.append(_("licence or registration number"))
        return missing

    @property
    def is_complete(self):
        return not self.missing_fields()


class ClinicLicence(models.Model):
    """A licence or registration number of the clinic and the authority that issued it."""

    profile = models.ForeignKey(ClinicProfile, on_delete=models.CASCADE, related_name="licences")
    kind = models.CharField(
        _("kind"), max_length=120, help_text=_("For example: health facility licence.")
    )
    number = models.CharField(_("number"), max_length=60)
    issued_by = models.CharField(
        _("issued by"), max_length=200, help_text=_("For example: the Ministry of Health.")
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("licence or registration")
        verbose_name_plural = _("licences and registrations")

    def __str__(self):
        return f"{self.kind}: {self.number}"
