"""The Contact page in sitemap.xml, in both languages."""

from django.urls import reverse

from content.sitemaps import I18nSitemap


class ContactSitemap(I18nSitemap):
    priority = 0.5

    def items(self):
        return ["clinic:contact"]

    def location(self, item):
        return reverse(item)
