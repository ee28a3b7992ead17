"""Field and constraint builders the content models share."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _


def corpus_key_field():
    """The name of the corpus file a row came from: NULL for rows staff created."""
    return models.SlugField(max_length=100, unique=True, null=True, editable=False)  # noqa: DJ001


def staff_member(verbose_name, blank=True, **options):
    """Who did something to a record (none once their account is deleted)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        on_delete=models.SET_NULL,
        null=True,
        blank=blank,
        related_name="+",
        **options,
    )


def staff_account_field(related_name, **options):
    """The staff account a reviewer or an author record belongs to (none for the corpus's
    placeholders); deleting the account keeps the record."""
    return models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name=related_name,
        **options,
    )


# A category's own addresses: any other page at /<language>/<slug>/ or below takes the slug.
CATEGORY_VIEWS = {"content:category", "content:article"}


def is_reserved_category_slug(value):
    """True when another page of the site (content/urls.py, screener/urls.py, ...) has the
    address a category with this slug would have, or one below it: the URL patterns say."""
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            prefix = reverse("content:home")
        for address in (f"{prefix}{value}/", f"{prefix}{value}/x/"):
            try:
                match = resolve(address)
            except Resolver404:
                continue
            if match.view_name not in CATEGORY_VIEWS:
                return True
    return False


def validate_category_slug(value):
    if is_reserved_category_slug(value):
        raise ValidationError(
            _("“%(slug)s” is the address of another page of the site. Choose another slug."),
            params={"slug": value},
            code="reserved",
        )


def unique_per_language(*fields, name):
    """One unique constraint per language on `fields` (the last is translated); blanks repeat."""
    *shared, translated = fields
    return [
        models.UniqueConstraint(
            fields=[*shared, f"{translated}_{code}"],
            condition=~Q(**{f"{translated}_{code}": ""}),
            name=f"{name}_{code}",
            violation_error_message=_("Another entry already uses this slug."),
        )
        for code, _name in settings.LANGUAGES
    ]
