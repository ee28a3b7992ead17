"""Which articles use a picture, by the `](image:<id>)` of their body text."""

from django.db.models import Q, TextField
from django.db.models.functions import Cast

from content.models import Article, Page
from editorial.models import Revision
from mesoinfo import languages


def token(pk):
    return f"](image:{pk})"


def in_body(pk):
    """A filter for rows whose body, in any language, holds the picture."""
    query = Q()
    for code in languages.codes():
        query |= Q(**{f"body_{code}__contains": token(pk)})
    return query


def articles_using(pk):
    """Every article whose live text holds the picture."""
    return Article.objects.filter(in_body(pk))


def in_reviewed_use(pk):
    """Whether a live article or page, or a version waiting for or holding a medical
    sign-off, shows the picture: then what it shows may change only through review (a new
    picture put into the text instead), never by editing the picture record."""
    if articles_using(pk).filter(status=Article.Status.PUBLISHED).exists():
        return True
    if Page.objects.filter(in_body(pk)).exists():  # pages are always on the site
        return True
    waiting = [Revision.Status.SUBMITTED, Revision.Status.APPROVED, Revision.Status.SCHEDULED]
    return (
        Revision.objects.filter(status__in=waiting)
        .annotate(text=Cast("content", TextField()))
        .filter(text__contains=f"image:{pk})")
        .exists()
    )
