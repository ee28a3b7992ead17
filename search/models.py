"""The search index (one document per article and language) and staff-editable synonyms."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """The stemmed words of one article in one language, as the database index reads them.

    On SQLite an FTS5 table mirrors these rows (kept in step by triggers); on PostgreSQL
    a generated, weighted tsvector column with a GIN index sits on this table (see the
    migration). Title and headings weigh more than the summary, which weighs more than
    the body.
    """

    article = models.ForeignKey(
        "content.Article", on_delete=models.CASCADE, related_name="search_documents"
    )
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    title = models.TextField(blank=True, default="")
    headings = models.TextField(blank=True, default="")
    summary = models.TextField(blank=True, default="")
    body = models.TextField(blank=True, default="")
    # The stems of the newest unpublished revision: the admin's search reads them, the
    # public search never does.
    draft = models.TextField(blank=True, default="")
    # What the reader sees, for excerpts, and the distinct words for "Did you mean".
    text = models.TextField(blank=True, default="")
    summary_text = models.TextField(blank=True, default="")
    vocabulary = models.TextField(blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"], name="one_document_per_language"
            )
        ]
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self):
        # Shown to staff (the article's delete confirmation): the language by its name.
        try:
            name = get_language_info(self.language)["name_translated"]
        except KeyError:
            name = self.language
        return gettext("article %(id)s, %(language)s") % {"id": self.article_id, "language": name}


class Synonym(models.Model):
    """A word patients use, and the words of the articles it should also find."""

    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    term = models.CharField(
        _("word or phrase patients use"),
        max_length=100,
        help_text=_("For example «تخسيس» or “weight loss”."),
    )
    matches = models.TextField(
        _("also find"),
        help_text=_(
            "The words or phrases the articles use for the same thing, one per line. A "
            "search for the word above also finds pages with any of these."
        ),
    )

    pages = models.ManyToManyField(
        "content.Article",
        blank=True,
        related_name="+",
        verbose_name=_("pages to show first"),
        help_text=_(
            "A search for the word above shows these pages first, whatever words their text "
            "uses; only a page whose title or a heading uses the word itself comes before them."
        ),
    )

    class Meta:
        ordering = ["language", "term"]
        constraints = [
            models.UniqueConstraint(fields=["language", "term"], name="one_synonym_per_term")
        ]
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")

    def __str__(self):
        return self.term

    def match_list(self):
        return [line.strip() for line in self.matches.splitlines() if line.strip()]
