"""Standing pages such as "About this site"."""

import re

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from mesoinfo.validators import validate_single_line

from .. import contributions
from ..fields import corpus_key_field, unique_per_language

ABOUT_PAGE = "about"  # the corpus key of the "About this site" page
EDITORIAL_POLICY_PAGE = "editorial-policy"
# Standing pages with an address of their own, the same in both languages.
FIXED_PAGE_URLS = {ABOUT_PAGE: "content:about", EDITORIAL_POLICY_PAGE: "content:editorial_policy"}
# A day count is written with its noun through ngettext (Arabic has six forms: 3 أيام,
# 11 يومًا, يومان...). A noun the text still writes after the token is absorbed, so
# "{retention_days} days" and "{retention_days} يومًا" read right too.
DAY_NOUN_AFTER = r"(?:\s+(?:days|day|يومًا|يوما|أيام|يوم)(?![\w\u064b-\u0652]))?"


def days_phrase(count):
    return ngettext("%(count)s day", "%(count)s days", count) % {"count": count}


class Page(models.Model):
    """A standing page such as "About this site", written in Markdown by staff."""

    title = models.CharField(_("title"), max_length=200, validators=[validate_single_line])
    slug = models.SlugField(_("slug"), max_length=200, allow_unicode=True)
    body = models.TextField(
        _("body"),
        help_text=_(
            "Markdown. Start headings at level 2 (##). {retention_days} is replaced by the "
            "site's settings; {clinic_name}, {contact_email}, {clinic_phone} and "
            "{emergency_number} by the clinic profile."
        ),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    corpus_key = corpus_key_field()

    class Meta:
        ordering = ["pk"]
        constraints = unique_per_language("slug", name="page_unique_slug")
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.corpus_key in FIXED_PAGE_URLS:
            return reverse(FIXED_PAGE_URLS[self.corpus_key])
        return reverse("content:page", kwargs={"slug": self.slug})

    def filled_body(self):
        """The body with the settings and clinic details it refers to written in."""
        days = {
            "{retention_days}": settings.CONSULTATION_RETENTION_DAYS,
            "{feedback_days}": settings.FEEDBACK_COMMENT_RETENTION_DAYS,
            "{backup_days}": settings.BACKUP_KEEP_DAYS,
            "{axes_days}": settings.AXES_LOG_RETENTION_DAYS,
        }
        body = self.body or ""
        for placeholder, value in days.items():
            phrase = days_phrase(value)
            body = re.sub(
                re.escape(placeholder) + DAY_NOUN_AFTER, lambda m, phrase=phrase: phrase, body
            )
        return contributions.filled(body)
