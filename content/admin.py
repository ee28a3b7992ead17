"""Staff editing: every translated field as a language tab, Arabic inputs right-to-left."""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, get_language_info, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from editorial.admin import StateFilter, WorkflowAdminMixin, state_column
from editorial.forms import ArticleAdminForm
from editorial.signoff_admin import SignOffAdminMixin
from mesoinfo.admin_languages import LanguageDirectionMixin, per_language
from search.admin import IndexedSearchMixin

from . import declaration
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
from .readability import LONG_SENTENCE_WORDS, WARN_AVERAGE_WORDS, readability
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
class AuthorAdmin(SignOffAdminMixin, LanguageDirectionMixin, TabbedTranslationAdmin):
    # A byline's name, role and credentials are what patients read: signed off.
    class Media:
        js = ["editorial/tabs-in-step.js"]

    list_display = ["name", "role", "credentials", "is_placeholder"]
    search_fields = per_language("name")
    raw_id_fields = ["user"]


def source_language_choices():
    """Languages by their name in the staff member's language: the site's first, then every
    language Django knows (a source may be in French or German), codes as values."""
    site = [code for code, _name in settings.LANGUAGES]
    current = get_language_info(get_language())
    # In a language whose catalogue lacks some names, those languages are left out rather
    # than shown in English.
    named_here = current["name_translated"] != current["name"]
    others = sorted(
        (
            code
            for code, info in LANG_INFO.items()
            if "name" in info
            and code not in site
            and (not named_here or get_language_info(code)["name_translated"] != info["name"])
        ),
        key=lambda code: get_language_info(code)["name_translated"],
    )
    return [(code, get_language_info(code)["name_translated"]) for code in site + others]


@admin.register(Source)
class SourceAdmin(SignOffAdminMixin, admin.ModelAdmin):
    # A live article's reference list: a changed title or address is signed off.
    list_display = ["title", "publisher", "year"]
    search_fields = ["title", "publisher"]
    # A web address typed without a scheme is taken as https://.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # The source's language chosen by its name, not typed as a code («en»).
        if db_field.name == "language":
            kwargs["widget"] = forms.Select(choices=source_language_choices())
        return super().formfield_for_dbfield(db_field, request, **kwargs)


def article_fieldsets():
    """The article's declared panels (Article.panels), with what the admin adds: the
    hidden base_revision (the version the form was opened on, to refuse stale saves), the
    readability report, and the publication dates publishing sets."""
    first, *rest = declaration.panels(Article)
    first[1]["fields"].append("base_revision")
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
class ArticleAdmin(
    BodyEditorAdminMixin,
    IndexedSearchMixin,
    WorkflowAdminMixin,
    LanguageDirectionMixin,
    TabbedTranslationAdmin,
):
    class Media:
        css = {"all": ["editorial/changelist.css"]}
        js = ["editorial/tabs-in-step.js"]

    # The workflow (editorial/) keeps every saved version as a revision: its History page
    # lists them, compares any two and reverts; saving never changes the live text.
    form = ArticleAdminForm
    list_display = [
        "title",
        "category",
        state_column,
        "published_at",
        "next_review_due",
        "helpful_yes",
        "helpful_no",
    ]
    list_filter = [StateFilter, "category", ReviewDueFilter]
    # An archived article leaves the list unless its filter is chosen (status=archived).
    list_select_related = ["category"]
    # Rows cost rendering, not queries: 100 took 120 ms of CPU, 50 take 80 (issue 28).
    list_per_page = 50
    search_fields = per_language("title", "summary")  # see IndexedSearchMixin
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
        if obj is None or obj.pk is None:
            return _("Shown once the article has been saved.")
        rows = []
        for code, _name in settings.LANGUAGES:
            result = readability(getattr(obj, f"body_{code}"))
            rows.append(
                (
                    _(get_language_info(code)["name"]),
                    result.sentences,
                    result.average_words,
                    result.long_share,
                    format_html(
                        '<ul class="messagelist"><li class="warning">{}</li></ul>',
                        _(
                            "More than %(limit)d words per sentence on average: "
                            "shorter sentences are easier to read."
                        )
                        % {"limit": WARN_AVERAGE_WORDS},
                    )
                    if result.too_long
                    else "",
                )
            )
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th></th></tr>"
            "</thead><tbody>{}</tbody></table>",
            _("language"),
            _("sentences"),
            _("average words per sentence"),
            _("long sentences (over %(limit)d words), %%") % {"limit": LONG_SENTENCE_WORDS},
            format_html_join(
                "",
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                rows,
            ),
        )


@admin.register(ArticleDueForReview)
class ArticleDueForReviewAdmin(admin.ModelAdmin):
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

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

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
    SignOffAdminMixin,
    BodyEditorAdminMixin,
    LanguageDirectionMixin,
    SimpleHistoryAdmin,
    TabbedTranslationAdmin,
):
    review_additions = True  # a new page is public at once

    class Media:
        js = ["editorial/tabs-in-step.js"]

    list_display = ["title", "updated_at"]
    prepopulated_fields = {"slug": ("title",)}


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """What visitors answered; read-only, staff may delete a comment."""

    list_display = ["created_at", "article", "language", "helpful", "comment"]
    list_filter = ["helpful", "language"]
    list_select_related = ["article"]
    search_fields = ["comment"]
    date_hierarchy = "created_at"
    readonly_fields = ["article", "language", "helpful", "comment", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
