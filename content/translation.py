"""Which model fields are translated (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Article, Category, Page, Reviewer


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name", "slug", "description")


@register(Reviewer)
class ReviewerTranslationOptions(TranslationOptions):
    fields = ("name", "credentials")


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary", "body")


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "body")
