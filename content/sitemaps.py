"""sitemap.xml: every public page in both languages, each with its hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Article, Category, Page


class I18nSitemap(Sitemap):
    # Each page names its x-default (the Arabic address) in its own <head>. Django's sitemap
    # would give x-default as the address without a language prefix, which for an
    # English-speaking visitor leads to /en/<Arabic slug>/, a page that does not exist.
    i18n = True
    alternates = True
    x_default = False


class HomeSitemap(I18nSitemap):
    priority = 1.0

    def items(self):
        return ["content:home"]

    def location(self, item):
        return reverse(item)


class CategorySitemap(I18nSitemap):
    priority = 0.6

    def items(self):
        return Category.objects.with_published_articles()


class ArticleSitemap(I18nSitemap):
    priority = 0.8

    def items(self):
        return Article.objects.published().select_related("category")

    def lastmod(self, item):
        return item.date_modified


class PageSitemap(I18nSitemap):
    priority = 0.5

    def items(self):
        return Page.objects.all()

    def lastmod(self, item):
        return item.updated_at
