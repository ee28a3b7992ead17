"""Storing a consultation request: once per form, within the flood limits, and telling
reception by e-mail (never with health answers)."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from content.bidi import isolate_plain_for

from . import limits
from .models import ConsultationRequest
from .state import new_reference

logger = logging.getLogger(__name__)
RECEPTION_GROUP = "Reception"
SENT, DUPLICATE, LIMITED = "sent", "duplicate", "limited"


def send_request(form, request, state):
    """Store the valid `form`'s request; SENT, DUPLICATE (this form was stored already:
    nothing new) or LIMITED (a flood limit was reached: nothing stored)."""
    token = form.cleaned_data["token"]
    if state.already_sent or ConsultationRequest.objects.filter(submission_token=token).exists():
        return DUPLICATE
    # Only a request about to be stored spends an allowance: a typo, a refusal or the same
    # form sent twice costs nothing.
    allowance = limits.spend_allowance(request, state)
    if allowance == limits.LIMITED:
        return LIMITED
    if allowance == limits.BUSY:  # the site-wide count just passed its limit
        transaction.on_commit(tell_reception_the_site_is_busy)
    row = form.save(commit=False)
    row.consent_to_contact = True
    row.submission_token = token
    row.reference = new_reference()
    outcome = state.outcome
    if outcome is not None and form.cleaned_data.get("attach_outcome"):
        row.screener_outcome = outcome.kind
        row.screener_reasons = {"yes": list(outcome.yes), "not_sure": list(outcome.not_sure)}
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        return DUPLICATE  # the same form, sent twice at once
    state.mark_sent(row.reference, row.preferred_time, row.outcome_attached)
    transaction.on_commit(lambda: notify_reception(row, request))
    return SENT


def tell_reception_the_site_is_busy():
    """One e-mail, the first time in an hour that the site-wide allowance is passed."""
    recipients = reception_addresses()
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Unusually many consultation requests")
        body = _(
            "More consultation requests than usual have arrived in the last hour, perhaps "
            "from an automated sender. Requests are still accepted, but the form now asks "
            "senders to take a little more time. Check the new requests in the admin."
        )
    try:
        send_mail(subject, body, None, recipients)
    except OSError:
        logger.exception("Could not e-mail reception that the site is busy")


def reception_addresses():
    if settings.RECEPTION_EMAILS:
        return list(settings.RECEPTION_EMAILS)
    users = get_user_model().objects.filter(
        groups__name=RECEPTION_GROUP, is_active=True, email__gt=""
    )
    return sorted(set(users.values_list("email", flat=True)))


def notify_reception(row, request=None):
    """One e-mail to reception: that a request arrived and where to open it. No name, no
    phone number and no health answers: e-mail is not the place for them."""
    recipients = reception_addresses()
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("admin:screener_consultationrequest_change", args=[row.pk])
        # From SITE_URL, never from the request's Host header, which the sender chose.
        link = settings.SITE_URL.rstrip("/") + path
        subject = _("New consultation request %(reference)s") % {"reference": row.reference}
        body = "\n".join(
            [
                _("A new consultation request has arrived (reference %(reference)s).")
                % {"reference": row.reference},
                _("Preferred contact time: %(time)s") % {"time": row.get_preferred_time_display()},
                _("Screener result attached: %(answer)s")
                % {"answer": _("yes") if row.outcome_attached else _("no")},
                "",
                _("Open it in the admin (sign-in required): %(link)s") % {"link": link},
            ]
        )
        subject = isolate_plain_for(settings.LANGUAGE_CODE, subject)
        body = isolate_plain_for(settings.LANGUAGE_CODE, body)
    try:
        send_mail(subject, body, None, recipients)
    except OSError:
        # The request is stored and shows in the admin; only the e-mail failed.
        logger.exception("Could not e-mail reception about consultation request %s", row.pk)
