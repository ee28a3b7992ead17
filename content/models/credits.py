"""Who wrote an article, who checked it, and what it cites."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..fields import corpus_key_field, staff_account_field


class Reviewer(models.Model):
    """The clinician who checks an article's medical content."""

    name = models.CharField(_("name"), max_length=150)
    credentials = models.CharField(_("credentials"), max_length=200)
    is_placeholder = models.BooleanField(
        _("stands in for a doctor not yet named"),
        default=False,
        help_text=_(
            "Ticked while this entry names a role, not a person. Its articles then say that "
            "their review by a named doctor is pending, and the deployment check warns. Untick "
            "it once the real doctor's name and credentials are entered."
        ),
    )
    user = staff_account_field(
        "reviewer_record",
        limit_choices_to={"is_staff": True},
        help_text=_(
            "The doctor's own account. A page names this doctor only for a text that this "
            "account approved."
        ),
    )
    corpus_key = corpus_key_field()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("medical reviewer")
        verbose_name_plural = _("medical reviewers")

    def __str__(self):
        return self.name


class Author(models.Model):
    """Who wrote an article: a person with their role, or the clinic's editorial team."""

    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=150, help_text=_("For example: medical writer."))
    credentials = models.CharField(_("credentials"), max_length=200, blank=True)
    user = staff_account_field("author_profile")
    is_placeholder = models.BooleanField(
        _("stands for the editorial team, not a named person"),
        default=False,
        help_text=_(
            "Ticked while articles are credited to the clinic's editorial team because no "
            "single writer can be named. Pages then name the team, never a person."
        ),
    )
    corpus_key = corpus_key_field()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name


class Source(models.Model):
    """A publication an article relies on, shown under the article."""

    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher or journal"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    url = models.URLField(_("web address"), max_length=500, blank=True)
    language = models.CharField(
        _("language of the source"), max_length=8, default="en", help_text=_("For example en.")
    )
    volume = models.CharField(
        _("volume, issue and pages"),
        max_length=100,
        blank=True,
        help_text=_("As the journal prints them, for example 15(4):682-694."),
    )
    authors_checked = models.BooleanField(
        _("authors' names checked"),
        default=True,
        help_text=_(
            "Untick when the authors' names could not be checked against the publication "
            "itself. The page then tells patients so."
        ),
    )

    class LinkKind(models.TextChoices):
        ORIGINAL = "original", _("the publication itself")
        COPY = "copy", _("a record or copy of the publication")

    link_kind = models.CharField(
        _("the web address leads to"),
        max_length=10,
        choices=LinkKind,
        default=LinkKind.ORIGINAL,
        help_text=_(
            "Choose a record or copy when the address is not the publisher's own page (a "
            "library record, a reprint, a summary by another body). The page then tells "
            "patients so. Without a web address, the page says that no link is available."
        ),
    )
    note = models.TextField(
        _("editors' note"),
        blank=True,
        help_text=_(
            "For staff only, never shown to patients: what was checked, where, and what "
            "could not be confirmed."
        ),
    )
    corpus_key = corpus_key_field()

    class Meta:
        ordering = ["publisher", "-year", "title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return f"{self.publisher}: {self.title}" + (f" ({self.year})" if self.year else "")
