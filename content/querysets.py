"""The querysets of the content models; "published" is defined here once."""

from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone


def published_q(prefix=""):
    """The one definition of "on the site": published, its go-live date passed, not expired.

    `prefix` ("articles__") applies it across a relation, e.g. to count a category's articles.
    """
    from .models import Article  # the models module imports this one

    now = timezone.now()
    return Q(**{f"{prefix}status": Article.Status.PUBLISHED, f"{prefix}published_at__lte": now}) & (
        Q(**{f"{prefix}expires_at__isnull": True}) | Q(**{f"{prefix}expires_at__gt": now})
    )


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_q())

    def next_publication_change(self):
        """When the published set next changes by itself (an article goes live or expires),
        or None."""
        now = timezone.now()
        scheduled = self.filter(status=self.model.Status.PUBLISHED).order_by()
        moments = [
            scheduled.filter(published_at__gt=now).aggregate(m=models.Min("published_at"))["m"],
            scheduled.filter(expires_at__gt=now).aggregate(m=models.Min("expires_at"))["m"],
        ]
        return min((moment for moment in moments if moment is not None), default=None)


class CategoryQuerySet(models.QuerySet):
    def with_published_articles(self):
        """The categories that have published articles, each with their `article_count`."""
        articles = self.model._meta.get_field("articles").related_model
        counts = (
            articles.objects.published()
            .filter(category=OuterRef("pk"))
            .order_by()
            .values("category")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(article_count=Subquery(counts)).filter(article_count__gt=0)
