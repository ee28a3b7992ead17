"""The pages benchmarks/run.py loads, and the queries each costs (run inside
`manage.py shell`, against the benchmark's own database and settings).

    manage.py shell -c "from benchmarks.pages import main; main()"

Prints one JSON object: {"paths": {name: path}, "queries": {name: [served, rendered]},
"cookie": "name=value"} where `served` is the queries of a request as a visitor gets it
(anonymous but for the admin's; from the page cache or search/cache.py where it keeps
it) and `rendered` with the caches emptied first; the cookie is a signed-in
administrator's session, for the admin pages.
"""

import json
from urllib.parse import urlencode

SEARCHES = {
    "ar": ["الآثار الجانبية", "كم سعر الجلسة", "تساقط الشعر"],
    "en": ["side effects", "how much does it cost", "hair loss"],
}


def paths():
    from django.urls import reverse

    from content.models import Article

    article = Article.objects.published().filter(corpus_key="side-effects").get()
    found = {
        "article": article.get_absolute_url(),
        "home": "/ar/",
        "category": article.category.get_absolute_url(),
        "sitemap": "/sitemap.xml",
        # With more than a page of articles sitemap.xml is an index: one page of them too.
        "sitemap, articles": "/sitemap-articles.xml",
        "screener question": "/ar/screener/question/1/",
    }
    for language, queries in SEARCHES.items():
        for query in queries:
            found[f"search {language} {query}"] = f"/{language}/search/?" + urlencode({"q": query})
    # The same search with one more parameter: an address search/cache.py never stores, so
    # every request is a search of its own (a query asked for the first time).
    for name in ("search en side effects", "search ar الآثار الجانبية"):
        found[f"{name}, uncached"] = found[name] + "&uncached=1"
    found["admin article list"] = reverse("admin:content_article_changelist")
    found["admin article change"] = reverse("admin:content_article_change", args=[article.pk])
    return found


def main():
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from search.cache import results_pages

    user, _created = get_user_model().objects.get_or_create(
        username="benchmark", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0])
    visitor = Client(HTTP_HOST=settings.ALLOWED_HOSTS[0])  # the public pages, as wrk asks
    client.force_login(user)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    found = paths()
    queries = {}
    for name, path in found.items():
        counts = []
        asking = client if name.startswith("admin") else visitor
        for empty in (False, True):
            asking.get(path)
            if empty:
                for cache in caches.all():
                    cache.clear()
                results_pages.clear()
            with CaptureQueriesContext(connection) as captured:
                asking.get(path)
            counts.append(len(captured))
        queries[name] = counts
    print(json.dumps({"paths": found, "queries": queries, "cookie": cookie}))
