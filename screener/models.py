"""A visitor's request to be contacted for a consultation.

The screener itself stores nothing: its answers live only in the visitor's
browser (an encrypted cookie). A request holds the screener's outcome only when the visitor ticks
the separate box that attaches it.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

from .questions import AVOID, CHECK_FIRST, NO_KNOWN_REASON


class ConsultationRequest(models.Model):
    class ContactTime(models.TextChoices):
        # Times are the clinic's local time (settings.TIME_ZONE); the form says so.
        ANY = "any", _("Any day, any time")
        MORNING = "morning", _("Any day, in the morning (9 am to 12 noon)")
        AFTERNOON = "afternoon", _("Any day, in the afternoon (12 noon to 5 pm)")
        EVENING = "evening", _("Any day, in the evening (5 pm to 8 pm)")
        WEEKDAYS = "weekdays", _("Working days, any time")
        WEEKEND = "weekend", _("At the weekend")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        TRIED_TO_CALL = "tried_to_call", _("Tried to call")
        NO_ANSWER = "no_answer", _("No answer")
        BOOKED = "booked", _("Booked")
        CLOSED = "closed", _("Closed")

    class ScreenerOutcome(models.TextChoices):
        NONE = "", _("Not attached")
        AVOID = AVOID, _("A condition that usually rules the treatment out")
        CHECK_FIRST = CHECK_FIRST, _("Points a doctor must check first")
        # No number: a question added or removed needs no migration of this label.
        NO_KNOWN_REASON = NO_KNOWN_REASON, _("Nothing in the screener's questions rules it out")

    name = models.CharField(_("name"), max_length=100)
    reference = models.CharField(_("reference"), max_length=12, blank=True, db_index=True)
    phone = PhoneNumberField(
        _("phone"), max_length=32, help_text=_("Stored in international form, e.g. +9665…")
    )
    email = models.EmailField(_("email"), max_length=254, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=settings.LANGUAGES
    )
    preferred_time = models.CharField(
        _("preferred contact time"),
        max_length=12,
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
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NEW, db_index=True
    )
    notes = models.TextField(_("reception notes"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("consultation request")
        verbose_name_plural = _("consultation requests")

    def __str__(self):
        # Never the visitor's name: the admin keeps this text in its history (LogEntry).
        return _("Consultation request #%(number)s") % {"number": self.pk}

    @property
    def outcome_attached(self):
        return bool(self.screener_outcome)

    def record_handling(self, user):
        """Note who last worked on the request, and when (the admin calls it on each change)."""
        self.handled_by = user
        self.handled_at = timezone.now()


class RateCounter(models.Model):
    """One flood-limit counter for one hour (screener.limits), counted in the database when
    there is no Redis: a row locked while it is counted, so parallel requests count exactly."""

    key = models.CharField(max_length=200, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("rate counter")
        verbose_name_plural = _("rate counters")

    def __str__(self):
        return self.key
