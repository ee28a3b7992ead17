"""What the other apps add to content, without content importing them (content is the
base: editorial, search, screener and clinic depend on it, never the reverse). Each app
registers its functions in its AppConfig.ready(); content calls whatever is registered.

- body filters, text -> text: the clinic's {emergency_number} and {clinic_phone};
- JSON-LD contributors, (article, data, request) -> None, adding to an article's
  MedicalWebPage: the clinic as publisher and author, the screener's contraindications;
- corpus handlers: what becomes of an article the corpus adds (`new`) or changes
  (`changed`, returning whatever it filed or None): editorial's revisions;
- article searches, (queryset, term) -> queryset: the admin's article search answered by
  search's own index, in every language.

Admin classes are not here: an app that adds to one of content's admins (editorial's
workflow and sign-off) subclasses it in its own admin.py and registers it in its place.
"""

body_filters = []
json_ld_contributors = []
corpus_handlers = {}
article_searches = []


def filled(text):
    for fill in body_filters:
        text = fill(text)
    return text


def add_json_ld(article, data, request):
    for contribute in json_ld_contributors:
        contribute(article, data, request)
    return data


def corpus_article_added(article):
    if "new" in corpus_handlers:
        corpus_handlers["new"](article)


def corpus_article_changed(article, values):
    """What was filed for the changed text (a revision), or None."""
    if "changed" in corpus_handlers:
        return corpus_handlers["changed"](article, values)
    return None


def search_articles(queryset, term):
    """The articles of `queryset` a registered search finds for `term`, or None when no app
    offers one (the admin then searches its own search_fields)."""
    if article_searches:
        return article_searches[-1](queryset, term)
    return None
