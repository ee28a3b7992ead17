from django.conf import settings
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from mesoinfo import languages

from .index import matching_ids
from .models import Synonym
from .query import expression, parse


def in_its_language(text, language):
    """A synonym shown in its own language and direction inside the admin's."""
    return format_html(
        '<span lang="{}" dir="{}">{}</span>', language, languages.direction(language), text
    )


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    list_display = ["shown_term", "language", "shown_matches"]
    list_display_links = ["shown_term"]
    list_filter = ["language"]
    search_fields = ["term", "matches"]

    @admin.display(description=_("word or phrase patients use"), ordering="term")
    def shown_term(self, synonym):
        return in_its_language(synonym.term, synonym.language)

    @admin.display(description=_("also find"))
    def shown_matches(self, synonym):
        return in_its_language("، ".join(synonym.match_list()), synonym.language)


def staff_search(queryset, search_term):
    """The admin's article search, asked of the site's own index in every language and
    of the unpublished text too (registered with content in SearchConfig.ready)."""
    if not search_term.strip():
        return queryset
    ids = set()
    for code, _name in settings.LANGUAGES:
        terms = parse(search_term, code)
        if terms:
            ids |= matching_ids(expression(terms), code, queryset, drafts=True)
    return queryset.filter(pk__in=ids)
