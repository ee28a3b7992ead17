"""The admin's label for one language's copy of a translated field: «النص (العربية)»
instead of modeltranslation's «النص [ar]». Imported by the settings: keep it light."""

from django.conf import settings


def localized_verbose_name(verbose_name, language):
    name = dict(settings.LANGUAGES).get(language, language)
    return f"{verbose_name} ({name})"
