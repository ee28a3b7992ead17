"""What follows when an authenticator app is added or removed: its owner is told by e-mail
(someone else may have done it), and a removed app ends every session of its owner, so a
lost phone signs nobody in anywhere."""

import logging

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def tell(user, subject, body):
    """E-mail the user once the change is saved; a mail server that fails loses only the
    notice, never the change."""
    if not user.email:
        return

    def send():
        try:
            send_mail(subject, body, None, [user.email])
        except OSError:
            logger.exception("The two-step sign-in notice could not be sent.")

    transaction.on_commit(send)


def app_added(user):
    when = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    tell(
        user,
        _("An authenticator app was added to your MesoInfo account"),
        _(
            "An authenticator app was set up for two-step sign-in to your MesoInfo staff "
            "account (%(username)s) on %(when)s.\n\nIf you did not do this, tell the site's "
            "administrator at once."
        )
        % {"username": user.get_username(), "when": when},
    )


def app_removed(user):
    when = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    tell(
        user,
        _("An authenticator app was removed from your MesoInfo account"),
        _(
            "The authenticator app of your MesoInfo staff account (%(username)s) was removed "
            "on %(when)s, and you were signed out everywhere. You will set up a new app the "
            "next time you sign in.\n\nIf you did not ask for this, tell the site's "
            "administrator at once."
        )
        % {"username": user.get_username(), "when": when},
    )


def end_sessions(user):
    """Delete every stored session signed in as `user` (sessions live in the database)."""
    ended = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if str(session.get_decoded().get(SESSION_KEY)) == str(user.pk)
    ]
    Session.objects.filter(pk__in=ended).delete()


def app_deleted(sender, instance, **kwargs):
    """post_delete of an app (connected in TwoFactorConfig.ready): a set-up app that goes
    ends its owner's sessions and is told about; an unconfirmed one is only a draft."""
    if instance.confirmed:
        end_sessions(instance.user)
        app_removed(instance.user)
