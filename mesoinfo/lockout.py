"""Admin sign-in throttling (django-axes): how many wrong passwords lock signing in, and the
page staff then see.

Two limits: AXES_USERNAME_FAILURE_LIMIT wrong passwords for one user name from one address,
and AXES_ADDRESS_FAILURE_LIMIT from one address whatever the names (a spraying address
tries many). Axes locks out when the larger of its counts (per name and address, per
address; settings.AXES_LOCKOUT_PARAMETERS) reaches the limit failure_limit() returns.
"""

from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render


def _failures(request, **lookup):
    from axes.attempts import get_cool_off_threshold
    from axes.models import AccessAttempt

    attempts = AccessAttempt.objects.filter(
        ip_address=request.axes_ip_address,
        attempt_time__gte=get_cool_off_threshold(request),
        **lookup,
    )
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def locked_for_the_name(request, credentials=None):
    """Whether this user name, from this address, has used up its own limit."""
    failures = _failures(request, username=username(request, credentials))
    return failures >= settings.AXES_USERNAME_FAILURE_LIMIT


def failure_limit(request, credentials=None):
    """settings.AXES_FAILURE_LIMIT: the name's limit once it is used up, else the address's."""
    if locked_for_the_name(request, credentials):
        return settings.AXES_USERNAME_FAILURE_LIMIT
    return settings.AXES_ADDRESS_FAILURE_LIMIT


def reset_own_failures(sender, request, user, **kwargs):
    """A right password: forget the failures of this user name from this address, and no
    other's (connected to user_logged_in in mesoinfo.apps)."""
    from axes.helpers import get_client_ip_address
    from axes.models import AccessAttempt

    if request is None:
        return
    address = getattr(request, "axes_ip_address", None) or get_client_ip_address(request)
    AccessAttempt.objects.filter(username=user.get_username(), ip_address=address).delete()


def locked_out(request, original_response=None, credentials=None):
    by_name = locked_for_the_name(request, credentials)
    context = {
        "by_address": not by_name,
        "failure_limit": (
            settings.AXES_USERNAME_FAILURE_LIMIT if by_name else settings.AXES_ADDRESS_FAILURE_LIMIT
        ),
        "cooloff_minutes": round(settings.AXES_COOLOFF_TIME * 60),
    }
    return render(request, "admin/locked_out.html", context, status=429)


def username(request, credentials=None):
    """The user name axes records: as typed, cut to what a user name can be.

    The admin's sign-in form passes names of any length on to authentication, and
    axes would store them in a 255-character column: PostgreSQL refuses longer ones.
    """
    value = (credentials or {}).get("username")
    if value is None:
        value = request.POST.get("username") if request is not None else None
    if value is None:
        return None
    return str(value).replace("\x00", "")[:150]
