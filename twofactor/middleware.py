"""Staff who signed in with a password alone see no staff page until their second factor:
the admin sends them to the code, and everywhere else they are nobody (a page for staff
only, such as the style guide or a preview, asks them to sign in)."""

from functools import cache

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.urls import get_script_prefix, get_urlconf, reverse


def admin_addresses():
    """(the admin's address, the addresses open before the second factor)."""
    return _admin_addresses(get_script_prefix(), get_urlconf())


@cache
def _admin_addresses(_script_prefix, _urlconf):
    """Reversed once per script prefix and URL configuration (the key): this runs on every
    request."""
    open_paths = (reverse("twofactor:verify"), reverse("twofactor:enrol"))
    return reverse("admin:index"), (*open_paths, reverse("admin:logout"))


def needs_second_factor(request):
    """An admin page asked for by a staff member not yet verified by a code."""
    if not settings.STAFF_OTP_REQUIRED:
        return False
    path = request.path_info
    admin, open_paths = admin_addresses()
    if not path.startswith(admin):
        return False
    if path.startswith(open_paths):
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
        if half_signed_in_outside_the_admin(request):
            request.user = AnonymousUser()
        return self.get_response(request)


def half_signed_in_outside_the_admin(request):
    """A staff member with a password but no code yet, on a page outside the admin."""
    if not settings.STAFF_OTP_REQUIRED:
        return False
    admin, _open_paths = admin_addresses()
    if request.path_info.startswith(admin):
        return False  # the admin and the two-factor pages handle them themselves
    user = request.user
    return user.is_authenticated and not user.is_verified()
