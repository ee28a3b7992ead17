"""The admin speaks the language its staff member chose; the public site keeps its rules."""

from django.conf import settings
from django.utils import translation

from .models import admin_language_for


class AdminLanguageMiddleware:
    """After authentication: on admin pages, activate the signed-in user's admin language.

    Without a choice the admin keeps what LocaleMiddleware picked (the browser's language).
    Public pages take their language from the URL prefix and are never touched.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = "/" + settings.ADMIN_URL

    def __call__(self, request):
        if request.path_info.startswith(self.prefix):
            language = admin_language_for(getattr(request, "user", None))
            if language:
                translation.activate(language)
                request.LANGUAGE_CODE = language
        return self.get_response(request)
