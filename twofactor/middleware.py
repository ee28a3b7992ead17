"""Staff who signed in with a password alone see no admin page until their second factor."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse


def needs_second_factor(request):
    """An admin page asked for by a staff member not yet verified by a code."""
    if not settings.STAFF_OTP_REQUIRED:
        return False
    path = request.path_info
    if not path.startswith(reverse("admin:index")):
        return False
    open_paths = [reverse("twofactor:verify"), reverse("twofactor:enrol"), reverse("admin:logout")]
    if any(path.startswith(open_path) for open_path in open_paths):
        return False
    user = request.user
    return user.is_authenticated and not user.is_verified()


class RequireSecondFactorMiddleware:
    """Must come after django_otp's OTPMiddleware, which tells whether a code verified the
    session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if needs_second_factor(request):
            return redirect_to_login(request.get_full_path(), reverse("twofactor:verify"))
        return self.get_response(request)
