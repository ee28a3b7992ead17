"""Public article pages: thin class-based views over the published queryset."""

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import DetailView, ListView, TemplateView

from .cache import CachedPageMixin
from .models import Article, Category


def published_count():
    return Count(
        "articles",
        filter=Q(
            articles__status=Article.Status.PUBLISHED,
            articles__published_at__lte=timezone.now(),
        ),
    )


class HomeView(CachedPageMixin, TemplateView):
    template_name = "content/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["categories"] = (
            Category.objects.annotate(article_count=published_count())
            .filter(article_count__gt=0)
            .order_by("order", "pk")
        )
        context["featured"] = (
            Article.objects.published().filter(featured=True).select_related("category")[:6]
        )
        return context


class CategoryView(CachedPageMixin, ListView):
    template_name = "content/category.html"
    context_object_name = "articles"

    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["category"])
        return self.category.articles.published().select_related("category")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["translated_object"] = self.category
        context["crumbs"] = [{"label": self.category.name, "url": None}]
        return context


class ArticleView(CachedPageMixin, DetailView):
    template_name = "content/article.html"
    context_object_name = "article"

    def get_queryset(self):
        return (
            Article.objects.published()
            .select_related("category", "reviewer")
            .prefetch_related(Prefetch("sources"))
        )

    def get_object(self, queryset=None):
        queryset = self.get_queryset().filter(
            category__slug=self.kwargs["category"], slug=self.kwargs["slug"]
        )
        return get_object_or_404(queryset[:1])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        context["translated_object"] = article
        context["crumbs"] = [
            {"label": article.category.name, "url": article.category.get_absolute_url()},
            {"label": article.title, "url": None},
        ]
        context["related"] = (
            Article.objects.published()
            .filter(category_id=article.category_id)
            .exclude(pk=article.pk)
            .select_related("category")[:4]
        )
        return context
