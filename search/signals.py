"""The index follows every saved article; a synonym change is seen at the next search."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from content.cache import forget_pages
from content.models import Article

from .index import index_article
from .models import Synonym
from .query import forget_synonyms, forget_vocabulary
from .seeds import pages_by_key

PAGES_BY_KEY = pages_by_key()


def reindex(sender, instance, raw=False, created=False, **kwargs):
    if raw:  # loaddata: restore_site rebuilds the index afterwards
        return
    if created:
        link_seeded_synonyms(instance)
    index_article(instance)
    # Now for this connection, and again once committed for every other process.
    forget_vocabulary()
    transaction.on_commit(forget_vocabulary)


def link_seeded_synonyms(article):
    """A page the corpus creates is shown first for the lay words seeded for it."""
    wanted = PAGES_BY_KEY.get(article.corpus_key or "")
    if not wanted:
        return
    for language, term in wanted:
        synonym = Synonym.objects.filter(language=language, term=term).first()
        if synonym is not None:
            synonym.pages.add(article)
    forget_synonyms()


def reindex_draft(sender, instance, raw=False, **kwargs):
    """A new revision (a draft staff saved) is found by the admin's search at once."""
    if raw or instance.status == type(instance).Status.PROPOSAL:  # a corpus proposal
        return
    # The row as it is now, not the revision's cached copy of it: publishing saves the
    # revision after the row, and an older copy would put the old text back in the index.
    index_article(Article.objects.get(pk=instance.article_id), revision=instance)


def connect():
    post_save.connect(reindex_draft, sender="editorial.Revision", dispatch_uid="search-draft")
    post_save.connect(reindex, sender=Article, dispatch_uid="search-index")
    post_delete.connect(
        lambda **kwargs: forget_vocabulary(), sender=Article, dispatch_uid="search-unindex"
    )
    for signal in (post_save, post_delete):
        signal.connect(forget_synonyms, sender=Synonym, dispatch_uid=f"search-synonyms-{signal}")
    m2m_changed.connect(forget_synonyms, sender=Synonym.pages.through, dispatch_uid="search-pages")
    # A synonym changes results pages (search/cache.py): a new pages' generation.
    for signal in (post_save, post_delete):
        signal.connect(forget_pages, sender=Synonym, dispatch_uid=f"search-pages-{signal}")
    m2m_changed.connect(
        forget_pages, sender=Synonym.pages.through, dispatch_uid="search-pages-generation"
    )
