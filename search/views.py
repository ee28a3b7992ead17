from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from django.views.generic import TemplateView

from content.models import Article

from . import cache
from .forms import SearchForm
from .query import search_articles


class SearchView(TemplateView):
    """Results for ?q= in the active language: never an error page, never indexed."""

    template_name = "search/results.html"

    def get(self, request, *args, **kwargs):
        form = SearchForm(request.GET)
        valid = form.is_valid()
        query = cache.normalise(form.cleaned_data["q"]) if valid else ""
        language = get_language()
        stored = name = version = None
        if query and cache.is_cacheable(request, query):
            name, version = cache.key(request, language, query), cache.version()
            stored = cache.get(name, version)
        if stored is not None:
            response = HttpResponse(stored[0], content_type=stored[1])
        else:
            context = self.get_context_data(form=form, results=None)
            if query:
                queryset = Article.objects.published().select_related("category")
                context["results"] = search_articles(queryset, query, language)
            response = self.render_to_response(context, status=200 if valid else 400)
            if name is not None:
                response.render()
                cache.keep(request, name, version, response)
        response["X-Robots-Tag"] = "noindex"
        patch_vary_headers(response, ["Cookie"])  # staff, with their session, get their own
        return response
