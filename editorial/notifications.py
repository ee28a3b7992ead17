"""E-mail to the staff concerned by an editorial event: one message per event and person.

Each message says what happened and who did it, names the article and links to the admin
(addresses built from SITE_URL); it is addressed to its one recipient, who sees their
own address in To:. Messages never hold a visitor's data (no consultation request, no
screener answer, no feedback comment).
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import BadHeaderError, EmailMessage
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from content.bidi import isolate_plain_for
from content.models import PUBLISH_CODENAME

from .models import Revision

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


def staff_name(user):
    """A member of staff as colleagues know them: full name, else the user name."""
    if user is None:
        # The versions the site came with (corpus import): no person saved them.
        return _("First version, imported with the site")
    return user.get_full_name().strip() or user.get_username()


def local_time(moment):
    """An instant in the clinic's time zone, in the active language's format."""
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def send(recipients, subject, lines, actor=None):
    """One e-mail per recipient, in Arabic then English (staff read both).

    The member of staff who acted is not told what they did themselves.
    """
    addresses = sorted(
        {
            user.email
            for user in recipients
            if user and user.email and (actor is None or user.pk != actor.pk)
        }
    )
    if not addresses:
        return
    subjects, bodies = [], []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            subjects.append(isolate_plain_for(code, str(subject())))
            bodies.append(
                isolate_plain_for(code, "\n\n".join(str(line) for line in lines() if line))
            )
    # One line: a title with a line break must not break the message's headers.
    subject_line = " ".join(" / ".join(subjects).split())
    body = "\n\n---\n\n".join(bodies) + "\n"
    messages = [EmailMessage(subject=subject_line, body=body, to=[to]) for to in addresses]

    def deliver():
        # After the change is saved, and never its undoing: a failed e-mail is logged.
        for message in messages:
            try:
                message.send()
            except (OSError, BadHeaderError):
                logger.exception("An editorial e-mail could not be sent.")

    transaction.on_commit(deliver)


def _title(revision):
    return revision.content.get(f"title_{translation.get_language()}") or revision.article_id


def _event(revision, recipients, subject, text, params=None, extra=None, actor=None):
    """`text` is formatted with the title and `params()` (called in each language)."""
    link = admin_link(
        reverse("admin:content_article_review", args=[revision.article_id, revision.pk])
    )

    def values():
        return {"title": _title(revision), **(params() if params else {})}

    send(
        recipients,
        lambda: subject % {"title": _title(revision)},
        lambda: [str(text) % values(), extra() if extra else "", link],
        actor=actor,
    )


def concerned(article):
    """Who wrote the article's newest and live versions."""
    return {
        revision.author
        for revision in (article.latest_revision, article.live_revision)
        if revision is not None
    }


def contributors(revision):
    """Who saved versions of the article since its previous publication, up to `revision`."""
    versions = revision.article.revisions.filter(created_at__lte=revision.created_at)
    earlier = (
        versions.filter(status=Revision.Status.PUBLISHED).exclude(pk=revision.pk).first()
    )  # newest first (the model's ordering)
    if earlier is not None:
        versions = versions.filter(created_at__gt=earlier.created_at)
    authors = {version.author for version in versions.select_related("author")}
    return (authors | {revision.author}) - {None}


def submitted(revision, user=None):
    _event(
        revision,
        reviewers(),
        _("For review: %(title)s"),
        _("%(user)s submitted “%(title)s” for medical review."),
        lambda: {"user": staff_name(user or revision.author)},
        actor=user,
    )


def sent_back(revision, user):
    _event(
        revision,
        [revision.author],
        _("Sent back: %(title)s"),
        _("%(user)s sent “%(title)s” back with a comment:"),
        lambda: {"user": staff_name(user)},
        lambda: revision.comment,
        actor=user,
    )


def published(revision, user, medical_approval, goes_live_at=None):
    """One message for an approval and publication together.

    Only the article's own medical reviewer, approving from their account, is said to have
    approved it medically; anyone else with the right is said to have published it.
    A future go-live is announced as scheduled (and again by `announce_go_live`).
    """
    if goes_live_at is not None:
        subject = _("Scheduled: %(title)s")
        if medical_approval:
            text = _(
                "%(user)s, the article's medical reviewer, approved “%(title)s”. "
                "It goes live on %(date)s."
            )
        else:
            text = _(
                "%(user)s scheduled “%(title)s” to go live on %(date)s. "
                "No medical reviewer has approved this version."
            )
    else:
        subject = _("Published: %(title)s")
        if medical_approval:
            text = _(
                "%(user)s, the article's medical reviewer, approved “%(title)s”; "
                "it is now on the site."
            )
        else:
            text = _(
                "%(user)s published “%(title)s”; it is now on the site. "
                "No medical reviewer has approved this version."
            )
    _event(
        revision,
        contributors(revision),
        subject,
        text,
        lambda: {
            # The approval is the reviewer's, whoever pressed Publish afterwards.
            "user": staff_name(revision.approved_by if medical_approval else user),
            "date": local_time(goes_live_at) if goes_live_at else "",
        },
        actor=user,
    )


def approved_for_later(revision, user):
    """Approved, not yet published: whoever wrote it may now publish it."""
    from .workflow import named_approval_date

    medical = named_approval_date(revision) is not None
    _event(
        revision,
        contributors(revision),
        _("Approved: %(title)s"),
        _(
            "%(user)s, the article's medical reviewer, approved “%(title)s”. It is not on the "
            "site yet: publish it from the article's page."
        )
        if medical
        else _(
            "%(user)s approved “%(title)s” (no medical reviewer has approved it). It is not on "
            "the site yet: publish it from the article's page."
        ),
        lambda: {"user": staff_name(user)},
        actor=user,
    )


def went_live(revision):
    """A scheduled version has just gone live (sent by the announce_go_live command)."""
    publisher = revision.approved_by
    _event(
        revision,
        contributors(revision) | {publisher},
        _("Now live: %(title)s"),
        _("“%(title)s”, scheduled by %(user)s, went live on %(date)s."),
        lambda: {
            "user": staff_name(publisher),
            "date": local_time(revision.article.published_at),
        },
    )


def taken_offline(article, user, action, reason):
    """Unpublished, archived or a schedule cancelled: to whoever wrote it, and to the
    reviewers."""

    def title():
        return getattr(article, f"title_{translation.get_language()}")

    subjects = {
        "unpublish": _("Taken off the site: %(title)s"),
        "archive": _("Archived: %(title)s"),
        "unschedule": _("Schedule cancelled: %(title)s"),
        "restore": _("Restored from the archive: %(title)s"),
    }
    texts = {
        "unpublish": _("%(user)s took “%(title)s” off the site. Reason given:"),
        "archive": _("%(user)s archived “%(title)s”. Reason given:"),
        "unschedule": _(
            "%(user)s cancelled the scheduled new version of “%(title)s”; the live page "
            "has not changed. Reason given:"
        ),
        "restore": _(
            "“%(title)s” was restored from the archive by %(user)s. It is not on the site: "
            "its newest version waits for medical review. Reason given:"
        ),
    }
    link = admin_link(reverse("admin:content_article_change", args=[article.pk]))
    send(
        concerned(article) | set(reviewers()),
        lambda: subjects[action] % {"title": title()},
        lambda: [texts[action] % {"title": title(), "user": staff_name(user)}, reason, link],
        actor=user,
    )


def change_proposed(request):
    """A change to a page, author or source waits for sign-off: to the reviewers."""
    from .signoff import admin_url

    kind = request.content_type.model_class()._meta.verbose_name
    send(
        reviewers(),
        lambda: (
            _("For sign-off: %(kind)s “%(name)s”") % {"kind": kind, "name": request.object_repr}
        ),
        lambda: [
            _("%(user)s proposed a change to %(kind)s “%(name)s”. It is not on the site yet.")
            % {"user": staff_name(request.author), "kind": kind, "name": request.object_repr},
            admin_link(admin_url(request)),
        ],
        actor=request.author,
    )


def change_decided(request):
    """Approved or sent back: to whoever proposed it."""
    from .signoff import admin_url

    kind = request.content_type.model_class()._meta.verbose_name
    approved = request.status == request.Status.APPROVED
    send(
        [request.author],
        lambda: (
            (
                _("Approved: %(kind)s “%(name)s”")
                if approved
                else _("Sent back: %(kind)s “%(name)s”")
            )
            % {"kind": kind, "name": request.object_repr}
        ),
        lambda: [
            (
                _("%(user)s approved your change to %(kind)s “%(name)s”; it is now on the site.")
                if approved
                else _("%(user)s sent back your change to %(kind)s “%(name)s” with a comment:")
            )
            % {"user": staff_name(request.decided_by), "kind": kind, "name": request.object_repr},
            request.comment,
            admin_link(admin_url(request)),
        ],
        actor=request.decided_by,
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
            % {"title": title(), "date": date_format(article.next_review_due)},
            link,
        ],
    )
