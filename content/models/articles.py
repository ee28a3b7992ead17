"""Sections and their articles, the pages a patient reads."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mesoinfo.validators import validate_single_line

from .. import contributions
from ..fields import corpus_key_field, unique_per_language, validate_category_slug
from ..querysets import ArticleQuerySet, CategoryQuerySet
from .credits import Author, Reviewer, Source


class Category(models.Model):
    """A section a patient browses: what it is, types, preparing, and so on."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"), max_length=120, allow_unicode=True, validators=[validate_category_slug]
    )
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    corpus_key = corpus_key_field()

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        constraints = unique_per_language("slug", name="category_unique_slug")
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("content:category", kwargs={"category": self.slug})


# The one permission to approve, publish and unpublish articles (Article.Meta), by codename
# and as user.has_perm() names it.
PUBLISH_CODENAME = "publish_article"
PUBLISH_PERMISSION = f"content.{PUBLISH_CODENAME}"


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="articles"
    )
    title = models.CharField(_("title"), max_length=200, validators=[validate_single_line])
    slug = models.SlugField(_("slug"), max_length=200, allow_unicode=True)
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two plain sentences.")
    )
    body = models.TextField(_("body"), help_text=_("Markdown. Start headings at level 2 (##)."))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("go-live date"),
        default=timezone.now,
        help_text=_("The article appears on the site from this moment once it is published."),
    )
    expires_at = models.DateTimeField(
        _("expiry date"),
        null=True,
        blank=True,
        help_text=_("Leave empty to keep it on the site. After this moment it leaves the site."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    featured = models.BooleanField(_("featured on the home page"), default=False)
    order = models.PositiveSmallIntegerField(_("order in its category"), default=0)
    reviewer = models.ForeignKey(
        Reviewer,
        verbose_name=_("medical reviewer"),
        on_delete=models.PROTECT,
        related_name="articles",
        null=True,
        blank=True,
    )
    author = models.ForeignKey(
        Author,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="articles",
        null=True,
        blank=True,
    )
    # When the article first went live and when its live text last changed: what the page,
    # its JSON-LD and the sitemap give as its dates (publishing.record_publication sets them).
    first_published_at = models.DateTimeField(_("first published"), null=True, blank=True)
    content_modified_at = models.DateTimeField(_("text last changed"), null=True, blank=True)
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    next_review_due = models.DateField(_("next review due"), null=True, blank=True)
    sources = models.ManyToManyField(
        Source, verbose_name=_("sources"), related_name="articles", blank=True
    )
    corpus_key = corpus_key_field()
    # The editorial workflow (editorial/): the newest revision (what the edit form loads) and
    # the one whose text this row holds, which is what the public sees.
    latest_revision = models.ForeignKey(
        "editorial.Revision", on_delete=models.SET_NULL, null=True, blank=True,
        editable=False, related_name="+",
    )  # fmt: skip
    live_revision = models.ForeignKey(
        "editorial.Revision", on_delete=models.SET_NULL, null=True, blank=True,
        editable=False, related_name="+",
    )  # fmt: skip

    objects = ArticleQuerySet.as_manager()

    # The article's fields, declared once (content/declaration.py reads these for
    # modeltranslation, publishing, the revision snapshot, the compare view and the admin).
    # Every other editable field is versioned and published too, and shown in the admin.
    translated_fields = ("title", "slug", "summary", "body")
    # What publishing needs, in every language.
    required_fields = ("title", "slug", "summary", "body")
    # What the page shows as the article's text: a change is a new "last changed" date.
    page_text_fields = ("title", "summary", "body")
    # What search indexes (search/index.py), most telling first.
    search_fields = ("title", "summary", "body")
    # Editable, but not part of a revision: the workflow's own state, and the dates
    # publishing sets.
    unversioned_fields = ("status", "first_published_at", "content_modified_at")
    # The edit form, panel by panel (translated fields by their base name: one tab each).
    panels = [
        (None, ["category", "title", "slug", "summary", "body", "author"]),
        (_("Publishing"), ["published_at", "expires_at", "featured", "order"]),
        (_("Medical review"), ["reviewer", "last_reviewed", "next_review_due"]),
        (_("Sources"), ["sources"]),
    ]

    class Meta:
        ordering = ["category__order", "order", "pk"]
        constraints = unique_per_language("category", "slug", name="article_unique_slug")
        # "On the site" (published_q), and per category, read from a narrow index, not
        # from rows whose text comes first: with 1,000 articles a scan of the rows costs
        # 13 ms on SQLite.
        indexes = [
            models.Index(
                fields=["status", "published_at", "expires_at", "category"], name="article_on_site"
            )
        ]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [(PUBLISH_CODENAME, _("Can approve, publish and unpublish articles"))]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "content:article", kwargs={"category": self.category.slug, "slug": self.slug}
        )

    def clean(self):
        last, due = self.last_reviewed, self.next_review_due
        if last and due and due <= last:
            raise ValidationError(
                {"next_review_due": _("The next review must be due after the last review.")}
            )

    @property
    def is_public(self):
        """On the site now, by the one definition of ArticleQuerySet.published."""
        return self.pk is not None and Article.objects.published().filter(pk=self.pk).exists()

    # What the page lists as sources: the article's own, or, in the preview of a revision
    # (editorial/views.py), the revision's, set here without touching the saved relation.
    previewed_sources = None

    @property
    def listed_sources(self):
        if self.previewed_sources is not None:
            return self.previewed_sources
        return self.sources.all()

    @property
    def has_unpublished_changes(self):
        return (
            self.latest_revision_id is not None and self.latest_revision_id != self.live_revision_id
        )

    def filled_body(self):
        """The body with the clinic's details written in ({emergency_number}, {clinic_phone}:
        the clinic app's body filter, content/contributions.py)."""
        return contributions.filled(self.body or "")

    @property
    def date_published(self):
        """When it first went live; for rows without that record, the publish date."""
        return self.first_published_at or self.published_at

    @property
    def date_modified(self):
        """When its live text last changed; without that record, the row's last save."""
        modified = self.content_modified_at or self.updated_at or self.date_published
        return max(modified, self.date_published)

    @property
    def has_named_review(self):
        """The live text was approved by the named reviewer's own staff account.

        A stand-in for a doctor, a reviewer without an account, or a text published without
        that doctor's approval keeps the page's honest "review pending".
        """
        reviewer = self.reviewer
        if reviewer is None or reviewer.is_placeholder or reviewer.user_id is None:
            return False
        live = self.live_revision
        return live is not None and live.approved_by_id == reviewer.user_id


class ArticleDueForReview(Article):
    """The same articles, listed in the admin by how soon their medical review is due."""

    class Meta:
        proxy = True
        verbose_name = _("article due for review")
        verbose_name_plural = _("articles due for review")
