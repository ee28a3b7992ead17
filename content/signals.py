"""Staff edits reach visitors at once: any change to the content forgets cached pages."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from .cache import bump_content_version
from .models import Article, Category, Reviewer, Source


def connect():
    for model in (Article, Category, Reviewer, Source):
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"page-cache-{model}")
        post_delete.connect(
            bump_content_version, sender=model, dispatch_uid=f"page-cache-del-{model}"
        )
    m2m_changed.connect(
        bump_content_version, sender=Article.sources.through, dispatch_uid="page-cache-sources"
    )
