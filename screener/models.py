"""A visitor's request to be contacted for a consultation.

The screener itself stores nothing: its answers live only in the visitor's
session. A request holds the screener's outcome only when the visitor ticks
the separate box that attaches it.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .questions import AVOID, CHECK_FIRST, NO_KNOWN_REASON


class ConsultationRequest(models.Model):
    class ContactTime(models.TextChoices):
        ANY = "any", _("Any time")
        MORNING = "morning", _("Morning (9:00 to 12:00)")
        AFTERNOON = "afternoon", _("Afternoon (12:00 to 17:00)")
        EVENING = "evening", _("Evening (17:00 to 20:00)")

    class ScreenerOutcome(models.TextChoices):
        NONE = "", _("Not attached")
        AVOID = AVOID, _("A condition that usually rules the treatment out")
        CHECK_FIRST = CHECK_FIRST, _("Points a doctor must check first")
        NO_KNOWN_REASON = NO_KNOWN_REASON, _("Nothing in the eight questions rules it out")

    name = models.CharField(_("name"), max_length=100)
    phone = models.CharField(
        _("phone"), max_length=16, help_text=_("Stored with Western digits, e.g. +9665…")
    )
    email = models.EmailField(_("email"), max_length=254, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=settings.LANGUAGES
    )
    preferred_time = models.CharField(
        _("preferred contact time"),
        max_length=10,
        choices=ContactTime.choices,
        default=ContactTime.ANY,
    )
    message = models.TextField(_("message"), max_length=1000, blank=True)
    consent_to_contact = models.BooleanField(_("agreed to be contacted"), default=False)
    screener_outcome = models.CharField(
        _("screener outcome"),
        max_length=20,
        choices=ScreenerOutcome.choices,
        blank=True,
        help_text=_("Only present when the visitor chose to attach it."),
    )
    screener_reasons = models.JSONField(
        _("screener reasons"),
        default=dict,
        blank=True,
        help_text=_("The questions answered Yes or I'm not sure, when attached."),
    )
    submission_token = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    handled = models.BooleanField(_("handled"), default=False)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)

    class Meta:
        ordering = ["handled", "-created_at"]
        verbose_name = _("consultation request")
        verbose_name_plural = _("consultation requests")

    def __str__(self):
        # Never the visitor's name: the admin keeps this text in its history (LogEntry).
        return _("Consultation request #%(number)s") % {"number": self.pk}

    def save(self, *args, **kwargs):
        if self.handled and self.handled_at is None:
            self.handled_at = timezone.now()
        elif not self.handled:
            self.handled_at = None
        super().save(*args, **kwargs)
