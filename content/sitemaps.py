"""sitemap.xml: every public page in both languages, each with its hreflang alternates.

While every section fits in one sitemap of LIMIT items, /sitemap.xml is that sitemap;
beyond, it is an index of the sections' pages (/sitemap-articles.xml?p=2...), so that no
request lists more than LIMIT items however many articles the site has.
"""

from collections.abc import Sequence

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.db.models import Max, QuerySet
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import get_language

from mesoinfo import languages

from .models import Article, Category, Page

# Items per sitemap page (each one address per language, with its alternates): a page
# costs the same with 18 articles or 10,000.
LIMIT = 200


class I18nSitemap(Sitemap):
    # Each page names its x-default (the Arabic address) in its own <head>. Django's sitemap
    # would give x-default as the address without a language prefix, which for an
    # English-speaking visitor leads to /en/<Arabic slug>/, a page that does not exist.
    i18n = True
    alternates = True
    x_default = False
    limit = LIMIT

    def __init__(self):
        super().__init__()
        self.addresses = {}  # one sitemap request's: Django asks each address three times

    def location(self, item):
        # Each item's address in a language is asked for its own <url> and as an alternate
        # of every other language's: reversed once.
        key = (item.pk, get_language())
        if key not in self.addresses:
            self.addresses[key] = item.get_absolute_url()
        return self.addresses[key]

    @property
    def paginator(self):
        # Django's own pairs every item with every language in a list, reading every row
        # for any page; these pairs read one page's rows.
        codes = self.languages or languages.codes()
        return Paginator(InEveryLanguage(self.items(), codes), self.limit)


class InEveryLanguage(Sequence):
    """(item, language) for every item and language, item by item, read a slice at a time."""

    def __init__(self, items, codes):
        self.items, self.codes = items, list(codes)
        self.length = None

    def __len__(self):
        if self.length is None:
            items = self.items
            total = items.count() if isinstance(items, QuerySet) else len(items)
            self.length = total * len(self.codes)
        return self.length

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(len(self))
        per = len(self.codes)
        first, last = start // per, -(-stop // per)
        pairs = [(item, code) for item in self.items[first:last] for code in self.codes]
        return pairs[start - first * per : stop - first * per]


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
        # What an address and its date need: not the summaries and bodies of each row.
        shown = ["category", "published_at", "first_published_at", "content_modified_at"]
        shown += ["updated_at"]
        for code in languages.codes():
            shown += [f"slug_{code}", f"category__slug_{code}"]
        return Article.objects.published().select_related("category").only(*shown)

    def lastmod(self, item):
        return item.date_modified

    def get_latest_lastmod(self):
        """The index's date for this section, from two aggregates rather than every row
        (Article.date_modified, whose greatest is the greater of these)."""
        dates = self.items().aggregate(
            modified=Max(
                Coalesce("content_modified_at", "updated_at", "first_published_at", "published_at")
            ),
            published=Max(Coalesce("first_published_at", "published_at")),
        )
        return max((d for d in dates.values() if d is not None), default=None)


class PageSitemap(I18nSitemap):
    priority = 0.5

    def items(self):
        return Page.objects.all()

    def lastmod(self, item):
        return item.updated_at


SECTION_URL_NAME = "sitemap_section"


def sitemap_or_index(request, sitemaps):
    """/sitemap.xml: the whole sitemap while every section fits in one page, else the
    index of the sections' pages (a count per section)."""
    if all(section().paginator.num_pages <= 1 for section in sitemaps.values()):
        return sitemap_views.sitemap(request, sitemaps)
    return sitemap_views.index(request, sitemaps, sitemap_url_name=SECTION_URL_NAME)
