"""Root URLs: the sitemap and the admin outside, every public page under /ar/ or /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from clinic.sitemaps import ContactSitemap
from content.preview import BodyPreviewView
from content.sitemaps import (
    SECTION_URL_NAME,
    ArticleSitemap,
    CategorySitemap,
    HomeSitemap,
    PageSitemap,
    sitemap_or_index,
)
from editorial.views import view_on_site
from images.views import serve_media
from mesoinfo.language_choice import choose_language
from mesoinfo.views import RobotsView
from staff.views import AdminLanguageView

sitemaps = {
    "home": HomeSitemap,
    "categories": CategorySitemap,
    "articles": ArticleSitemap,
    "pages": PageSitemap,
    "contact": ContactSitemap,
}

urlpatterns = [
    path(
        "sitemap.xml",
        sitemap_or_index,
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    # One section's page (?p=2) when sitemap.xml is an index (content/sitemaps.py).
    path("sitemap-<section>.xml", sitemap, {"sitemaps": sitemaps}, name=SECTION_URL_NAME),
    # The second sign-in step, before the admin's own catch-all pattern.
    path(f"{settings.ADMIN_URL}two-factor/", include("twofactor.urls")),
    path(f"{settings.ADMIN_URL}language/", AdminLanguageView.as_view(), name="admin_language"),
    path(f"{settings.ADMIN_URL}body-preview/", BodyPreviewView.as_view(), name="body_preview"),
    # "View on site" only for what patients can see (a draft's slug stays unknown).
    path(
        f"{settings.ADMIN_URL}r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(view_on_site),
        name="admin_view_on_site",
    ),
    path(settings.ADMIN_URL, admin.site.urls),
    path("robots.txt", RobotsView.as_view(), name="robots_txt"),
    # The language switcher's links: remember the choice, then the same page in that language.
    path("language/<str:code>/", choose_language, name="choose_language"),
    # Uploaded pictures, when nginx does not serve them (settings.SERVE_MEDIA).
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve_media),
]

urlpatterns += i18n_patterns(
    path("screener/", include("screener.urls")),
    path("contact/", include("clinic.urls")),
    path("search/", include("search.urls")),
    path("", include("content.urls")),
)

handler403 = "staff.views.permission_denied"
