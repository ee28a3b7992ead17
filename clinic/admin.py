"""The clinic profile in the admin: one record, changed only by administrators.

Administrators are superusers or staff given the profile's change permission; the
Content editors group does not have it.
"""

from django import forms
from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from mesoinfo.admin_languages import LanguageDirectionMixin

from . import phone
from .models import ClinicLicence, ClinicProfile

PHONE_FIELDS = ("phone", "whatsapp")


class ClinicProfileForm(forms.ModelForm):
    """The clinic's numbers typed as people write them (spaces, dashes, Arabic-Indic digits,
    the country code optional for the clinic's own country), kept in E.164 and shown grouped,
    as the patients' consultation form takes theirs (finding J0-2)."""

    class Meta:
        model = ClinicProfile
        fields = ("country", *PHONE_FIELDS)  # the admin adds the rest (its fieldsets)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        example = phone.example(self.instance.country or ClinicProfile().country)
        for name in PHONE_FIELDS:
            field = self.fields[name]
            # Room for the spaces; what is stored is at most 16 characters (E.164).
            field.max_length = 40
            field.validators = [v for v in field.validators if not hasattr(v, "limit_value")]
            field.widget.attrs.update({"maxlength": "40", "dir": "ltr", "inputmode": "tel"})
            field.help_text = _(
                "With the country code, for example %(example)s. Spaces are fine."
            ) % {"example": example}
            if self.initial.get(name):
                self.initial[name] = phone.grouped(self.initial[name])

    def _clean_phone(self, name):
        text = self.cleaned_data.get(name, "")
        if not text.strip():
            return ""
        region = self.cleaned_data.get("country") or self.instance.country
        number = phone.to_e164(text, region)
        if number is None:
            raise forms.ValidationError(
                _(
                    "This is not a telephone number. Write it with the country code, for example "
                    "%(example)s."
                )
                % {"example": phone.example(region)},
                code="invalid",
            )
        return number

    def clean_phone(self):
        return self._clean_phone("phone")

    def clean_whatsapp(self):
        return self._clean_phone("whatsapp")


class ClinicLicenceInline(LanguageDirectionMixin, TranslationTabularInline):
    model = ClinicLicence
    extra = 1


@admin.register(ClinicProfile)
class ClinicProfileAdmin(LanguageDirectionMixin, TabbedTranslationAdmin):
    form = ClinicProfileForm
    inlines = [ClinicLicenceInline]
    readonly_fields = ["completeness"]
    fieldsets = [
        (None, {"fields": ["completeness", "legal_name", "trade_name"]}),
        (_("Address"), {"fields": ["address", "city", "country"]}),
        (
            _("How to reach the clinic"),
            {"fields": ["phone", "whatsapp", "email", "opening_hours", "emergency_phones"]},
        ),
        (_("Fees"), {"fields": ["consultation_fee", "fee_currency", "price_list"]}),
    ]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not ClinicProfile.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        # A list of one row is a detour: go straight to the form (or to "add" while empty).

        profile = ClinicProfile.objects.first()
        if not self.has_view_or_change_permission(request):
            return super().changelist_view(request, extra_context)  # refuses
        if profile is not None:
            return redirect(reverse("admin:clinic_clinicprofile_change", args=[profile.pk]))
        if self.has_add_permission(request):
            return redirect(reverse("admin:clinic_clinicprofile_add"))
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("Still missing"))
    def completeness(self, obj):
        missing = obj.missing_fields() if obj else ClinicProfile().missing_fields()
        if not missing:
            return _("Nothing: every page can name the clinic and how to reach it.")
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((label,) for label in missing))
        )
