"""Staff edits reach visitors at once: a change to any model a public page shows (as
mesoinfo/registry.py classifies them) forgets the cached pages when its transaction commits."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from mesoinfo import registry

from .cache import forget_pages


def connect():
    for label in registry.labels(public=True):
        model = apps.get_model(label)
        post_save.connect(forget_pages, sender=model, dispatch_uid=f"pages-{label}")
        post_delete.connect(forget_pages, sender=model, dispatch_uid=f"pages-{label}")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                forget_pages,
                sender=field.remote_field.through,
                dispatch_uid=f"pages-{label}-{field.name}",
            )
