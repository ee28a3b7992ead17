"""The patient-education articles: categories, articles, reviewers and sources.

Title, slug, summary and body of an article (and the names of categories and
reviewers) are translated: django-modeltranslation adds one column per
language, registered in translation.py.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def corpus_key_field():
    """The name of the corpus file a row came from: NULL for rows staff created."""
    return models.SlugField(max_length=100, unique=True, null=True, editable=False)  # noqa: DJ001


ABOUT_PAGE = "about"  # the corpus key of the "About this site" page
EDITORIAL_POLICY_PAGE = "editorial-policy"
# Standing pages with an address of their own, the same in both languages.
FIXED_PAGE_URLS = {ABOUT_PAGE: "content:about", EDITORIAL_POLICY_PAGE: "content:editorial_policy"}
FEEDBACK_COMMENT_MAX = 500
# First path segments the site's own pages use (content/urls.py, screener/urls.py): a
# category with one of these slugs could never be reached.
RESERVED_CATEGORY_SLUGS = frozenset(
    {"about", "contact", "editorial-policy", "page", "screener", "search", "style-guide"}
)


def validate_category_slug(value):
    if value in RESERVED_CATEGORY_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is the address of another page of the site. Choose another slug."),
            params={"slug": value},
            code="reserved",
        )


def unique_per_language(*fields, name):
    """One unique constraint per language on `fields` (the last is translated); blanks repeat."""
    *shared, translated = fields
    return [
        models.UniqueConstraint(
            fields=[*shared, f"{translated}_{code}"],
            condition=~Q(**{f"{translated}_{code}": ""}),
            name=f"{name}_{code}",
            violation_error_message=_("Another entry already uses this slug."),
        )
        for code, _name in settings.LANGUAGES
    ]


class CategoryQuerySet(models.QuerySet):
    def with_published_articles(self):
        """The categories that have published articles, each with their `article_count`."""
        counts = (
            Article.objects.published()
            .filter(category=OuterRef("pk"))
            .order_by()
            .values("category")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(article_count=Subquery(counts)).filter(article_count__gt=0)


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
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviewer_record",
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
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
    )
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
    corpus_key = corpus_key_field()

    class Meta:
        ordering = ["publisher", "-year", "title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return f"{self.publisher}: {self.title}" + (f" ({self.year})" if self.year else "")


def published_q(prefix=""):
    """The one definition of "on the site": published, its go-live date passed, not expired.

    `prefix` ("articles__") applies it across a relation, e.g. to count a category's articles.
    """
    now = timezone.now()
    return Q(**{f"{prefix}status": Article.Status.PUBLISHED, f"{prefix}published_at__lte": now}) & (
        Q(**{f"{prefix}expires_at__isnull": True}) | Q(**{f"{prefix}expires_at__gt": now})
    )


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_q())


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="articles"
    )
    title = models.CharField(_("title"), max_length=200)
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

    class Meta:
        ordering = ["category__order", "order", "pk"]
        constraints = unique_per_language("category", "slug", name="article_unique_slug")
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [("publish_article", _("Can approve, publish and unpublish articles"))]

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

    @property
    def has_unpublished_changes(self):
        return (
            self.latest_revision_id is not None and self.latest_revision_id != self.live_revision_id
        )

    def filled_body(self):
        """The body with the clinic's details written in ({emergency_number}, {clinic_phone})."""
        from clinic.placeholders import fill_placeholders

        return fill_placeholders(self.body or "")

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


class Page(models.Model):
    """A standing page such as "About this site", written in Markdown by staff."""

    title = models.CharField(_("title"), max_length=200)
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
        from clinic.placeholders import fill_placeholders

        days = {
            "{retention_days}": settings.CONSULTATION_RETENTION_DAYS,
            "{feedback_days}": settings.FEEDBACK_COMMENT_RETENTION_DAYS,
            "{backup_days}": settings.BACKUP_KEEP_DAYS,
            "{axes_days}": settings.AXES_LOG_RETENTION_DAYS,
        }
        body = self.body or ""
        for placeholder, value in days.items():
            body = body.replace(placeholder, str(value))
        return fill_placeholders(body)


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
