"""A value a staff member's address or form holds that the admin cannot use (a record
number with letters in `…/abc/history/`, a year beyond any calendar in a list's date
filter, a selected row that is no number) answers 400 with a page saying so, not 500.

Only under the admin's address, and only for the errors such values raise while a
query is built or run; anything else is still a server error, logged as one."""

import logging

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.urls import reverse

# What bad input raises in the admin: int() and the field's to_python (ValueError,
# ValidationError), a date lookup past year 9999 (OverflowError).
BAD_INPUT = (ValueError, OverflowError, ValidationError)
logger = logging.getLogger(__name__)


class AdminBadInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, BAD_INPUT):
            return None
        if not request.path_info.startswith(reverse("admin:index")):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_staff:
            return None
        logger.warning("Admin input that cannot be used: %s", type(exception).__name__)
        return render(request, "admin/bad_input.html", status=400)
