"""The admin speaks the language its staff member chose; the public site keeps its rules."""

from django.conf import settings
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

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


class YesNoIconTextMiddleware:
    """On admin pages: the text of Django's yes/no/unknown icons in the staff member's
    language. Django writes each icon (lists, read-only fields, every app's admin) with its
    Python value as the text, alt="True", with no hook to change it; this puts the word in
    its place. Should Django write the icon otherwise, "True" shows again on the Arabic
    admin, and the crawl of every admin page (tests/staff/test_admin_arabic.py) fails."""

    ICONS = {"yes": ("True", _("Yes")), "no": ("False", _("No")), "unknown": ("None", _("Unknown"))}

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = "/" + settings.ADMIN_URL

    def __call__(self, request):
        response = self.get_response(request)
        if (
            not request.path_info.startswith(self.prefix)
            or response.streaming
            or "text/html" not in response.get("Content-Type", "")
        ):
            return response
        html = response.content.decode(response.charset)
        changed = html
        for icon, (value, label) in self.ICONS.items():
            source = static(f"admin/img/icon-{icon}.svg")
            django_writes = format_html('<img src="{}" alt="{}">', source, value)
            if django_writes in changed:
                changed = changed.replace(
                    django_writes, format_html('<img src="{}" alt="{}">', source, label)
                )
        if changed is not html:
            response.content = changed
        return response
