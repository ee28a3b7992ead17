"""Revisions: every saved version of an article, beside the live text the public reads.

The Article row holds the live text (what views, search and sitemaps read); a revision
is a snapshot of everything an editor can change. Its status is the small state machine
of the medical sign-off: draft -> submitted -> sent back | approved -> published.
"""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from content.fields import staff_member


class Revision(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for medical review")
        SENT_BACK = "sent_back", _("Sent back to the editor")
        APPROVED = "approved", _("Approved")
        # Approved, waiting for its go-live date while the live version stays on the site.
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")
        PROPOSAL = "proposal", _("Proposed by the corpus")

    class Origin(models.TextChoices):
        STAFF = "staff", _("Staff")
        CORPUS = "corpus", _("Corpus files")

    article = models.ForeignKey(
        "content.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="revisions",
    )
    author = staff_member(_("author"))
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)
    origin = models.CharField(
        _("origin"), max_length=10, choices=Origin.choices, default=Origin.STAFF
    )
    content = models.JSONField(_("content"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    comment = models.TextField(_("reviewer's comment"), blank=True)
    approved_by = staff_member(_("approved by"))
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    sent_back_by = staff_member(_("sent back by"))
    # When staff were told this version is live: at publication, or at a scheduled go-live.
    announced_at = models.DateTimeField(_("go-live announced at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = ["created_at", "pk"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")

    def __str__(self):
        return _("%(article)s, saved %(date)s") % {
            "article": self.content.get("title_ar") or self.article_id,
            "date": date_format(localtime(self.created_at), "DATETIME_FORMAT"),
        }

    def get_absolute_url(self):
        return reverse("admin:content_article_review", args=[self.article_id, self.pk])


class ChangeRequest(models.Model):
    """A staff member's change to something patients read beside the articles (a page, an
    author, a source), waiting for a medical reviewer's sign-off before it is applied.

    `changes` maps each changed field to its old and new value (JSON-ready); with no
    object yet (a new page), approving creates it.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for sign-off")
        APPROVED = "approved", _("Approved and applied")
        REJECTED = "rejected", _("Sent back")

    content_type = models.ForeignKey(
        "contenttypes.ContentType", verbose_name=_("kind"), on_delete=models.CASCADE
    )
    object_id = models.CharField(_("object"), max_length=64, blank=True)
    object_repr = models.CharField(_("name"), max_length=300)
    changes = models.JSONField(_("changes"), encoder=DjangoJSONEncoder)
    author = staff_member(_("proposed by"), blank=False)
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = staff_member(_("decided by"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    comment = models.TextField(_("reviewer's comment"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("change waiting for sign-off")
        verbose_name_plural = _("changes waiting for sign-off")

    def __str__(self):
        return _("%(kind)s “%(name)s”, proposed %(date)s") % {
            "kind": self.content_type.model_class()._meta.verbose_name,
            "name": self.object_repr,
            "date": date_format(localtime(self.created_at), "DATETIME_FORMAT"),
        }


class EditLock(models.Model):
    """Who has an article open for editing, since when; a reviewer may take it over.

    Advisory for editors (the stale-save refusal still guards their texts); once taken
    over, the earlier holder's saves are refused until the lock lapses.
    """

    article = models.OneToOneField(
        "content.Article", verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("being edited by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    since = models.DateTimeField(_("open since"))
    seen_at = models.DateTimeField(_("last seen"))
    taken_from = staff_member(_("taken over from"))

    class Meta:
        verbose_name = _("editing lock")
        verbose_name_plural = _("editing locks")

    def __str__(self):
        return f"{self.article_id}: {self.holder_id}"
