"""The admin header's language switch, and the admin's "no access" page."""

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View

from .models import StaffPreference


@method_decorator(staff_member_required, name="dispatch")
class AdminLanguageView(View):
    """POST language=ar|en: saves the signed-in staff member's admin language."""

    http_method_names = ["post"]

    def post(self, request):
        language = request.POST.get("language")
        if language in dict(settings.LANGUAGES):
            StaffPreference.objects.update_or_create(
                user=request.user, defaults={"admin_language": language}
            )
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            back = reverse("admin:index")
        return HttpResponseRedirect(back)


def permission_denied(request, exception=None):
    """403: what happened and whom to ask, in the reader's language."""
    in_admin = request.path_info.startswith("/" + settings.ADMIN_URL)
    return render(request, "403.html", {"in_admin": in_admin}, status=403)
