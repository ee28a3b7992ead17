"""What each staff member chose for themselves: the language of their admin."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffPreference(models.Model):
    """One row per staff member who chose an admin language; the public site ignores it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="staff_preference",
    )
    admin_language = models.CharField(_("admin language"), max_length=8, choices=settings.LANGUAGES)

    class Meta:
        ordering = ["user"]
        verbose_name = _("staff preference")
        verbose_name_plural = _("staff preferences")

    def __str__(self):
        return f"{self.user}: {self.get_admin_language_display()}"


def admin_language_for(user):
    """The admin language `user` chose, or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        StaffPreference.objects.filter(user=user).values_list("admin_language", flat=True).first()
    )
