"""The index follows every saved article; a synonym change is seen at the next search."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from content.models import Article

from .index import index_article
from .models import Synonym
from .query import forget_synonyms, forget_vocabulary


def reindex(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: restore_site rebuilds the index afterwards
        return
    index_article(instance)
    # Now for this connection, and again once committed for every other process.
    forget_vocabulary()
    transaction.on_commit(forget_vocabulary)


def reindex_draft(sender, instance, raw=False, **kwargs):
    """A new revision (a draft staff saved) is found by the admin's search at once."""
    if raw:
        return
    index_article(instance.article, revision=instance)


def connect():
    post_save.connect(reindex_draft, sender="editorial.Revision", dispatch_uid="search-draft")
    post_save.connect(reindex, sender=Article, dispatch_uid="search-index")
    post_delete.connect(
        lambda **kwargs: forget_vocabulary(), sender=Article, dispatch_uid="search-unindex"
    )
    for signal in (post_save, post_delete):
        signal.connect(forget_synonyms, sender=Synonym, dispatch_uid=f"search-synonyms-{signal}")
