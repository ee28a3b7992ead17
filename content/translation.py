"""Which model fields are translated (django-modeltranslation)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Article, Author, Category, Page, Reviewer


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name", "slug", "description")


@register(Reviewer)
class ReviewerTranslationOptions(TranslationOptions):
    fields = ("name", "credentials")


@register(Author)
class AuthorTranslationOptions(TranslationOptions):
    fields = ("name", "role", "credentials")


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = Article.translated_fields


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "body")


# Every change to an article, a category or a page is kept (django-simple-history). Registered
# here, after modeltranslation has added its per-language fields, so that the history
# tables record title_ar, title_en and the rest; registered earlier, every save fails.
simple_history.register(Category)
# The workflow pointers change on every draft: not a change of the article.
simple_history.register(Article, excluded_fields=["latest_revision", "live_revision"])
simple_history.register(Page)
