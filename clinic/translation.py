"""Which clinic fields are written in each language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import ClinicLicence, ClinicProfile


@register(ClinicProfile)
class ClinicProfileTranslationOptions(TranslationOptions):
    fields = ("trade_name", "address", "city", "opening_hours", "price_list")


@register(ClinicLicence)
class ClinicLicenceTranslationOptions(TranslationOptions):
    fields = ("kind", "issued_by")
