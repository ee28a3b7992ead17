"""content's admins with editorial's workflow and sign-off, registered in their place.

content/admin.py registers plain admins (content imports no other app of ours); this
module subclasses them and swaps the registrations, so the admin staff use has:
- the article: saving writes a revision (its History page lists them, compares any two
  and reverts); saving never changes the live text; only reviewers publish;
- pages, authors and sources: a change by staff who may not publish waits for a medical
  reviewer's sign-off (what patients read on a live page).
"""

from django.contrib import admin
from django.urls import path

from content import admin as content_admin
from content.models import Article, Author, Page, Source

from .admin import StateFilter, WorkflowAdminMixin, state_column
from .audit import AuditedChangesMixin
from .forms import ArticleAdminForm
from .live_preview import PageLivePreview
from .signoff_admin import SignOffAdminMixin


def article_fieldsets():
    """content's fieldsets, with the hidden base_revision: the version the form was opened
    on, to refuse a save over a newer one."""
    first, *rest = content_admin.article_fieldsets()
    first[1]["fields"].append("base_revision")
    return [first, *rest]


class ArticleAdmin(AuditedChangesMixin, WorkflowAdminMixin, content_admin.ArticleAdmin):
    form = ArticleAdminForm
    list_display = [
        *content_admin.ArticleAdmin.list_display[:2],
        state_column,
        *content_admin.ArticleAdmin.list_display[2:],
    ]
    # An archived article leaves the list unless its filter is chosen (status=archived).
    list_filter = [StateFilter, *content_admin.ArticleAdmin.list_filter]
    fieldsets = article_fieldsets()


class AuthorAdmin(SignOffAdminMixin, content_admin.AuthorAdmin):
    """A byline's name, role and credentials are what patients read: signed off."""


class SourceAdmin(SignOffAdminMixin, content_admin.SourceAdmin):
    """A live article's reference list: a changed title or address is signed off."""


class PageAdmin(SignOffAdminMixin, content_admin.PageAdmin):
    review_additions = True  # a new page is public at once
    change_form_template = "editorial/page_change_form.html"

    def get_urls(self):
        view = self.admin_site.admin_view(PageLivePreview.as_view(model_admin=self))
        return [
            path("<int:pk>/live-preview/", view, name="content_page_live_preview"),
            path("live-preview/", view, name="content_page_live_preview_new"),
            *super().get_urls(),
        ]


for model, model_admin in [
    (Article, ArticleAdmin),
    (Author, AuthorAdmin),
    (Source, SourceAdmin),
    (Page, PageAdmin),
]:
    admin.site.unregister(model)
    admin.site.register(model, model_admin)
