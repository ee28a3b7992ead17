"""E-mail to the staff concerned by an editorial event: one message per event.

Messages name the article and link to the admin; they never hold a visitor's data
(no consultation request, no screener answer, no feedback comment).
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import BadHeaderError, EmailMessage
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from content.bidi import isolate_plain_for
from content.models import PUBLISH_CODENAME

logger = logging.getLogger(__name__)


def reviewers():
    """Active staff who may approve articles: Medical reviewers and superusers."""
    users = get_user_model().objects.filter(is_active=True, is_staff=True).exclude(email="")
    return users.filter(
        Q(is_superuser=True)
        | Q(groups__permissions__codename=PUBLISH_CODENAME)
        | Q(user_permissions__codename=PUBLISH_CODENAME)
    ).distinct()


def admin_link(path):
    return settings.SITE_URL.rstrip("/") + path


def send(recipients, subject, lines):
    """One e-mail, in every language of the site in settings' order (staff read them all),
    to everyone concerned."""
    addresses = sorted({user.email for user in recipients if user and user.email})
    if not addresses:
        return
    subjects, bodies = [], []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            subjects.append(isolate_plain_for(code, str(subject())))
            bodies.append(isolate_plain_for(code, "\n".join(str(line) for line in lines())))
    message = EmailMessage(
        # One line: a title with a line break must not break the message's headers.
        subject=" ".join(" / ".join(subjects).split()),
        body="\n\n---\n\n".join(bodies) + "\n",
        to=addresses[:1] if len(addresses) == 1 else [],
        bcc=addresses if len(addresses) > 1 else [],
    )

    def deliver():
        # After the change is saved, and never its undoing: a failed e-mail is logged.
        try:
            message.send()
        except (OSError, BadHeaderError):
            logger.exception("An editorial e-mail could not be sent.")

    transaction.on_commit(deliver)


def _title(revision):
    return revision.content.get(f"title_{translation.get_language()}") or revision.article_id


def _event(revision, recipients, subject, body, extra=None):
    link = admin_link(
        reverse("admin:content_article_review", args=[revision.article_id, revision.pk])
    )
    send(
        recipients,
        lambda: subject % {"title": _title(revision)},
        lambda: [body() % {"title": _title(revision)}] + ([extra()] if extra else []) + [link],
    )


def submitted(revision):
    _event(
        revision,
        reviewers(),
        _("For review: %(title)s"),
        lambda: _("An editor submitted “%(title)s” for medical review."),
    )


def sent_back(revision, user):
    _event(
        revision,
        [revision.author],
        _("Sent back: %(title)s"),
        lambda: _("The medical reviewer sent “%(title)s” back with a comment."),
        lambda: revision.comment,
    )


def approved(revision, user):
    _event(
        revision,
        [revision.author],
        _("Approved: %(title)s"),
        lambda: _("The medical reviewer approved “%(title)s”."),
    )


def published(revision, user):
    _event(
        revision,
        [revision.author],
        _("Published: %(title)s"),
        lambda: _("“%(title)s” is now published."),
    )


def review_overdue(article, recipients):
    def title():
        return getattr(article, f"title_{translation.get_language()}")

    link = admin_link(reverse("admin:content_article_change", args=[article.pk]))
    send(
        recipients,
        lambda: _("Review overdue: %(title)s") % {"title": title()},
        lambda: [
            _("The medical review of “%(title)s” was due on %(date)s.")
            % {"title": title(), "date": article.next_review_due.isoformat()},
            link,
        ],
    )
