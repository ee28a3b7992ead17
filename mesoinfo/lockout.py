"""The page staff see when django-axes has paused signing in for their user name."""

from django.conf import settings
from django.shortcuts import render


def locked_out(request, original_response=None, credentials=None):
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
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
