"""Visitors' answers to "Was this page helpful?"."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .articles import Article

FEEDBACK_COMMENT_MAX = 500


class Feedback(models.Model):
    """One visitor's answer to "Was this page helpful?": no name, no address, no IP."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="feedback"
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), max_length=FEEDBACK_COMMENT_MAX, blank=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self):
        return f"{self.article}: {self.get_helpful_display()}"

    def get_helpful_display(self):
        return _("Helpful") if self.helpful else _("Not helpful")
