"""Staff editing: every translated field as a language tab, Arabic inputs right-to-left."""

from datetime import timedelta

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Article, Category, Reviewer, Source


class LanguageDirectionMixin:
    """Give each language's input its own lang and dir, so Arabic is typed right-to-left."""

    directions = {"ar": "rtl", "en": "ltr"}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        code = db_field.name.rsplit("_", 1)[-1]
        if field is not None and "_" in db_field.name and code in self.directions:
            field.widget.attrs.update({"lang": code, "dir": self.directions[code]})
        return field


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
                next_review_due__gte=today, next_review_due__lte=today + timedelta(days=30)
            )
        if self.value() == "missing":
            return queryset.filter(next_review_due__isnull=True)
        return queryset


@admin.register(Category)
class CategoryAdmin(LanguageDirectionMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ["name_ar", "name_en"]


@admin.register(Reviewer)
class ReviewerAdmin(LanguageDirectionMixin, TabbedTranslationAdmin):
    list_display = ["name", "credentials"]
    search_fields = ["name_ar", "name_en"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "year"]
    search_fields = ["title", "publisher"]


@admin.register(Article)
class ArticleAdmin(LanguageDirectionMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    # SimpleHistoryAdmin adds the History page: every saved version, and a Revert button.
    list_display = ["title", "category", "status", "published_at", "next_review_due"]
    list_filter = ["status", "category", ReviewDueFilter]
    list_select_related = ["category"]
    search_fields = ["title_ar", "title_en", "summary_ar", "summary_en"]
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ["sources"]
    date_hierarchy = "published_at"
    fieldsets = [
        (None, {"fields": ["category", "title", "slug", "summary", "body"]}),
        (_("Publishing"), {"fields": ["status", "published_at", "featured", "order"]}),
        (_("Medical review"), {"fields": ["reviewer", "last_reviewed", "next_review_due"]}),
        (_("Sources"), {"fields": ["sources"]}),
    ]
