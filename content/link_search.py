"""The body editor's link dialog asks here for published articles by title words, in
every language (routed by content's ArticleAdmin, admin:content_article_link_search)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import JsonResponse
from django.utils import translation
from django.views import View

from mesoinfo import languages

from .models import Article


class LinkSearchView(View):
    """The body editor's link dialog: published articles whose title has the words typed."""

    model_admin = None
    LIMIT = 10

    def get(self, request):
        if not self.model_admin.has_view_or_change_permission(request):
            raise PermissionDenied
        query = " ".join(request.GET.get("q", "").split())[:100]
        lang = request.GET.get("lang")
        lang = lang if lang in languages.codes() else translation.get_language()
        articles = Article.objects.published().select_related("category")
        for word in query.split():
            words = Q()
            for code in languages.codes():
                words |= Q(**{f"title_{code}__icontains": word})
            articles = articles.filter(words)
        results = []
        with translation.override(lang):
            for article in articles.order_by("category__order", "order", "pk")[: self.LIMIT]:
                results.append(
                    {
                        "id": article.pk,
                        "title": getattr(article, f"title_{lang}"),
                        "category": str(article.category),
                        "url": article.get_absolute_url(),
                    }
                )
        return JsonResponse({"results": results}, json_dumps_params={"ensure_ascii": False})
