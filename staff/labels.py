"""The admin's label for one language's copy of a translated field: «النص (العربية)»
instead of modeltranslation's «النص [ar]». Imported by the settings: keep it light."""

from django.utils.translation import gettext


def localized_verbose_name(verbose_name, language):
    names = {"ar": gettext("Arabic"), "en": gettext("English")}
    return f"{verbose_name} ({names.get(language, language)})"
