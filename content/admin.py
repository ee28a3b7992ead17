"""Staff editing: every translated field as a language tab, Arabic inputs right-to-left.

These are content's own admins. editorial adds its workflow and sign-off by subclassing
them in editorial/content_admin.py and registering the subclasses in their place; search
answers the article list's search through content.contributions. content imports neither.
"""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from mesoinfo.admin_languages import LanguageDirectionMixin, per_language
from mesoinfo.read_only_admin import ReadOnlyAdminMixin

from . import contributions, declaration
from .link_search import LinkSearchView
from .models import (
    Article,
    ArticleDueForReview,
    Author,
    Category,
    Feedback,
    Page,
    Reviewer,
    Source,
)
from .readability_report import readability_report
from .widgets import BodyEditorAdminMixin

REVIEW_WARNING_DAYS = 30


class ReviewDueFilter(admin.SimpleListFilter):
    title = _("review due")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("overdue", _("Overdue")),
            ("soon", _("Due within 30 days")),
            ("missing", _("No review date")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.filter(next_review_due__lt=today)
        if self.value() == "soon":
            return queryset.filter(
                next_review_due__gte=today,
                next_review_due__lte=today + timedelta(days=REVIEW_WARNING_DAYS),
            )
        if self.value() == "missing":
            return queryset.filter(next_review_due__isnull=True)
        return queryset


@admin.register(Category)
class CategoryAdmin(LanguageDirectionMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ("name",)}
    search_fields = per_language("name")


@admin.register(Reviewer)
class ReviewerAdmin(LanguageDirectionMixin, TabbedTranslationAdmin):
    list_display = ["name", "credentials", "is_placeholder"]
    search_fields = per_language("name")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # The staff account: active staff only, by their names (J0-3).
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "user" and field is not None:
            field.queryset = field.queryset.filter(is_staff=True, is_active=True).order_by(
                "first_name", "last_name", "username"
            )
            field.label_from_instance = lambda user: (
                f"{user.get_full_name()} ({user.get_username()})"
                if user.get_full_name().strip()
                else user.get_username()
            )
        return field


@admin.register(Author)
class AuthorAdmin(LanguageDirectionMixin, TabbedTranslationAdmin):
    class Media:
        js = ["editorial/tabs-in-step.js"]

    list_display = ["name", "role", "credentials", "is_placeholder"]
    search_fields = per_language("name")
    raw_id_fields = ["user"]


def source_language_choices(in_use=()):
    """Languages by their name in the staff member's language, codes as values: the site's
    and the usual publication languages first (review D20), then only those sources
    already have (so no saved source changes when its form is opened) and "Other" (walk 5,
    item 10: the ~100 languages Django knows were too many to scan)."""
    site = [code for code, _name in settings.LANGUAGES]
    usual = site + [code for code in USUAL_SOURCE_LANGUAGES if code not in site]
    kept = sorted({code for code in in_use if code} - set(usual) - {OTHER_SOURCE_LANGUAGE})

    def name(code):
        if code in OWN_LANGUAGE_NAMES:
            return code, OWN_LANGUAGE_NAMES[code]
        if code in LANG_INFO and "name" in LANG_INFO[code]:
            return code, get_language_info(code)["name_translated"]
        return code, code  # a code Django does not know, shown as saved

    return [
        (_("Usual languages"), [name(code) for code in usual]),
        (_("Other languages"), [name(code) for code in [*kept, OTHER_SOURCE_LANGUAGE]]),
    ]


# Beyond the site's own languages, those medical sources are most often published in.
USUAL_SOURCE_LANGUAGES = (
    "fr", "de", "es", "it", "pt", "zh", "ja", "ko", "ru", "tr", "fa", "ur",
)  # fmt: skip
# BCP 47's "undetermined": a valid lang attribute and inLanguage for a language not listed.
OTHER_SOURCE_LANGUAGE = "und"
# Names Django's list lacks (it has only regional Chinese variants).
OWN_LANGUAGE_NAMES = {"zh": _("Chinese"), OTHER_SOURCE_LANGUAGE: _("Other language")}


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "year"]
    search_fields = ["title", "publisher"]
    # A web address typed without a scheme is taken as https://.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # The source's language chosen by its name, not typed as a code («en»).
        if db_field.name == "language":
            in_use = Source.objects.values_list("language", flat=True).distinct()
            kwargs["widget"] = forms.Select(choices=source_language_choices(in_use))
        return super().formfield_for_dbfield(db_field, request, **kwargs)


def article_fieldsets():
    """The article's declared panels (Article.panels), with what the admin adds: the
    readability report, and the publication dates publishing sets."""
    first, *rest = declaration.panels(Article)
    for _title, options in rest:
        if "published_at" in options["fields"]:
            options["fields"] += ["first_published_at", "content_modified_at"]
    return [first, (_("Readability"), {"fields": ["readability_report"]}), *rest]


def feedback_count(**wanted):
    """The article's number of "Was this page helpful?" answers of this kind."""
    answers = (
        Feedback.objects.filter(article=OuterRef("pk"), **wanted)
        .order_by()
        .values("article")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(answers, output_field=IntegerField()), Value(0))


class ArticleChangeList(ChangeList):
    """The article list reads no summary or body: columns of every language that it does
    not show, which make each row wide."""

    def get_queryset(self, request, exclude_parameters=None):
        wide = [f"{name}_{code}" for name in ("summary", "body") for code, _n in settings.LANGUAGES]
        return super().get_queryset(request, exclude_parameters).defer("summary", "body", *wide)


@admin.register(Article)
class ArticleAdmin(BodyEditorAdminMixin, LanguageDirectionMixin, TabbedTranslationAdmin):
    class Media:
        css = {"all": ["editorial/changelist.css"]}
        js = ["editorial/tabs-in-step.js"]

    list_display = [
        "title",
        "category",
        "published_at",
        "next_review_due",
        "helpful_yes",
        "helpful_no",
    ]
    list_filter = ["category", ReviewDueFilter]
    list_select_related = ["category"]
    # Rows cost rendering, not queries: 100 took 120 ms of CPU, 50 take 80 (issue 28).
    list_per_page = 50
    # Asked of the site's own index when an app registers one (search does).
    search_fields = per_language("title", "summary")
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ["sources"]
    date_hierarchy = "published_at"
    readonly_fields = ["readability_report", "first_published_at", "content_modified_at"]
    fieldsets = article_fieldsets()

    def get_queryset(self, request):
        # Counted in subqueries, not a join: a join needs a GROUP BY over every column of
        # the wide article rows (its page's count, date bar and rows: 150 ms at 1,000).
        return (
            super()
            .get_queryset(request)
            .annotate(
                helpful_yes_count=feedback_count(helpful=True),
                helpful_no_count=feedback_count(helpful=False),
            )
        )

    def get_urls(self):
        search = self.admin_site.admin_view(LinkSearchView.as_view(model_admin=self))
        return [
            path("link-search/", search, name="content_article_link_search"),
            *super().get_urls(),
        ]

    def get_search_results(self, request, queryset, search_term):
        found = contributions.search_articles(queryset, search_term)
        if found is None:
            return super().get_search_results(request, queryset, search_term)
        return found, False

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    @admin.display(description=_("helpful: yes"), ordering="helpful_yes_count")
    def helpful_yes(self, obj):
        return obj.helpful_yes_count

    @admin.display(description=_("helpful: no"), ordering="helpful_no_count")
    def helpful_no(self, obj):
        return obj.helpful_no_count

    @admin.display(description=_("sentence length"))
    def readability_report(self, obj):
        """Per language: sentences, average words per sentence, share of long sentences."""
        return readability_report(obj)


@admin.register(ArticleDueForReview)
class ArticleDueForReviewAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Articles whose medical review is overdue or due within 30 days, soonest first."""

    list_display = [
        "article_link",
        "category",
        "status",
        "reviewer",
        "next_review_due",
        "when_due",
    ]
    list_display_links = None
    list_select_related = ["category", "reviewer"]
    ordering = ["next_review_due", "pk"]

    def get_queryset(self, request):
        limit = timezone.localdate() + timedelta(days=REVIEW_WARNING_DAYS)
        return super().get_queryset(request).filter(next_review_due__lte=limit)

    @admin.display(description=_("title"))
    def article_link(self, obj):
        url = reverse("admin:content_article_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.title)

    @admin.display(description=_("due"))
    def when_due(self, obj):
        days = (obj.next_review_due - timezone.localdate()).days
        if days < 0:
            return format_html(
                "<strong>{}</strong>",
                _("overdue since %(date)s") % {"date": date_format(obj.next_review_due)},
            )
        if days == 0:
            return _("due today")
        return ngettext("in %(days)d day", "in %(days)d days", days) % {"days": days}


@admin.register(Page)
class PageAdmin(
    BodyEditorAdminMixin,
    LanguageDirectionMixin,
    SimpleHistoryAdmin,
    TabbedTranslationAdmin,
):
    class Media:
        js = ["editorial/tabs-in-step.js"]

    list_display = ["title", "updated_at"]
    prepopulated_fields = {"slug": ("title",)}


@admin.register(Feedback)
class FeedbackAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """What visitors answered; read-only, staff may delete a comment."""

    deletable = True

    list_display = ["created_at", "article", "language", "helpful", "comment"]
    list_filter = ["helpful", "language"]
    list_select_related = ["article"]
    search_fields = ["comment"]
    date_hierarchy = "created_at"
    readonly_fields = ["article", "language", "helpful", "comment", "created_at"]
