from django.utils.translation import get_language
from django.views.generic import TemplateView

from content.models import Article

from .forms import SearchForm
from .query import search_articles


class SearchView(TemplateView):
    """Results for ?q= in the active language: never an error page, never indexed."""

    template_name = "search/results.html"

    def get(self, request, *args, **kwargs):
        form = SearchForm(request.GET)
        context = self.get_context_data(form=form, results=None)
        if form.is_valid() and form.cleaned_data["q"]:
            queryset = Article.objects.published().select_related("category")
            context["results"] = search_articles(queryset, form.cleaned_data["q"], get_language())
        response = self.render_to_response(context, status=200 if form.is_valid() else 400)
        response["X-Robots-Tag"] = "noindex"
        return response
