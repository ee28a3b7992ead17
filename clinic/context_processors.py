"""`clinic` in every template: the clinic profile, read only if the template uses it."""

from django.utils.functional import SimpleLazyObject

from .cache import cached_profile


def clinic(request):
    return {"clinic": SimpleLazyObject(cached_profile)}
