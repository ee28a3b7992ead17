from django.conf import settings
from django.contrib import admin

from .index import match
from .models import Synonym
from .query import expression, parse


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    list_display = ["term", "language", "matches"]
    list_filter = ["language"]
    search_fields = ["term", "matches"]


class IndexedSearchMixin:
    """The admin's article search asks the site's own index, in every language."""

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        ids = set()
        for code, _name in settings.LANGUAGES:
            terms = parse(search_term, code)
            if terms:
                ids.update(row[0] for row in match(expression(terms), code))
        return queryset.filter(pk__in=ids), False
