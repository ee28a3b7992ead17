"""The image's translated fields: its alt text (required in every language) and caption."""

from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from .models import Image


@register(Image)
class ImageTranslationOptions(TranslationOptions):
    fields = ("alt", "caption")
    required_languages = {
        "default": (),
        **{code: ("alt",) for code, _name in settings.LANGUAGES},
    }
