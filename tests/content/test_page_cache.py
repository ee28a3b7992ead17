"""Public pages are cached per language, revalidated with ETags, and forgotten on edits."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.middleware import MessageMiddleware
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.views import View

from content.cache import CachedPageMixin
from content.models import Article

pytestmark = pytest.mark.django_db


def without_tokens(content):
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", content)


def en_url(obj):
    with translation.override("en"):
        return obj.get_absolute_url()


def test_second_visit_is_served_without_touching_the_database(
    client, article, django_assert_num_queries
):
    first = client.get(article.get_absolute_url())
    with django_assert_num_queries(0):
        second = client.get(article.get_absolute_url())
    assert second.status_code == 200
    assert without_tokens(second.content) == without_tokens(first.content)
    assert f"<h1>{article.title_ar}</h1>" in second.content.decode()


def test_each_language_is_cached_on_its_own(client, article):
    client.get(article.get_absolute_url())
    html = client.get(en_url(article)).content.decode()
    assert f"<h1>{article.title_en}</h1>" in html
    assert 'lang="en"' in html


@pytest.mark.parametrize("page", ["home", "category", "article"])
def test_unchanged_page_answers_304_to_its_etag(client, article, page):
    url = {
        "home": "/ar/",
        "category": article.category.get_absolute_url(),
        "article": article.get_absolute_url(),
    }[page]
    response = client.get(url)
    assert response.status_code == 200
    etag = response["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200
    if page != "article":  # the article holds a form: only its ETag knows whose token it has
        last_modified = response["Last-Modified"]
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304


def test_the_same_page_in_another_language_has_another_etag(client, article):
    arabic = client.get(article.get_absolute_url())["ETag"]
    english = client.get(en_url(article))["ETag"]
    assert arabic != english
    assert client.get(en_url(article), HTTP_IF_NONE_MATCH=arabic).status_code == 200


def test_a_staff_edit_shows_at_once_and_changes_the_etag(client, article, commit):
    old = client.get(article.get_absolute_url())
    client.get("/ar/")
    article.title_ar = "عنوان جديد بعد التعديل"
    with commit():
        article.save()
    new = client.get(article.get_absolute_url(), HTTP_IF_NONE_MATCH=old["ETag"])
    assert new.status_code == 200
    assert "<h1>عنوان جديد بعد التعديل</h1>" in new.content.decode()
    assert new["ETag"] != old["ETag"]
    assert "عنوان جديد بعد التعديل" in client.get("/ar/").content.decode()


def without_csrf_token(html):
    """The page with its per-response CSRF token blanked (it is masked anew each time)."""
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", html)


def test_edit_through_the_admin_shows_on_the_cached_page(admin_client, client, article, commit):
    client.get(article.get_absolute_url())
    url = f"/admin/content/article/{article.pk}/change/"
    response = admin_client.get(url)
    data = {
        key: value
        for key, value in response.context["adminform"].form.initial.items()
        if value is not None
    }
    data.update(
        category=article.category_id,
        reviewer=article.reviewer_id,
        sources=[s.pk for s in article.sources.all()],
        published_at_0=article.published_at.strftime("%Y-%m-%d"),
        published_at_1=article.published_at.strftime("%H:%M:%S"),
        title_ar="عنوان حرره المحرر",
    )
    data.pop("published_at", None)
    cached = without_csrf_token(client.get(article.get_absolute_url()).content)
    # A draft leaves the cached page as it was: the cache serves the live revision.
    with commit():
        assert admin_client.post(url, data).status_code == 302
    assert without_csrf_token(client.get(article.get_absolute_url()).content) == cached
    data["base_revision"] = Article.objects.get(pk=article.pk).latest_revision_id
    with commit():
        assert admin_client.post(url, data | {"_publish": "1"}).status_code == 302
    assert "<h1>عنوان حرره المحرر</h1>" in client.get(article.get_absolute_url()).content.decode()


def test_unpublishing_removes_the_article_from_cached_pages(client, article, commit):
    assert article.title_ar in client.get("/ar/").content.decode()
    assert client.get(article.get_absolute_url()).status_code == 200
    article.status = Article.Status.DRAFT
    with commit():
        article.save()
    assert client.get(article.get_absolute_url()).status_code == 404
    assert article.title_ar not in client.get("/ar/").content.decode()


def test_changing_an_articles_sources_shows_at_once(client, article, source, commit):
    client.get(article.get_absolute_url())
    with commit():
        article.sources.remove(source)
    assert "Mesotherapy: a review" not in client.get(article.get_absolute_url()).content.decode()


def is_stored(response):
    """cache_page gives a page it stores an Expires header."""
    return "Expires" in response


def test_staff_get_a_fresh_page_never_stored(admin_client, article):
    response = admin_client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert not is_stored(response)
    assert not is_stored(admin_client.get(article.get_absolute_url()))


def test_pages_with_a_query_string_are_not_cached(client, article):
    client.get("/ar/?utm=x")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/ar/?utm=x")
    assert len(queries) > 0 and not is_stored(response)
    assert is_stored(client.get("/ar/"))


def test_screener_pages_are_never_cached(client):
    response = client.get("/ar/screener/")
    assert "ETag" not in response
    assert "no-store" in response["Cache-Control"]


def test_404_is_not_cached(client, article):
    missing = article.category.get_absolute_url() + "no-such-article/"
    assert client.get(missing).status_code == 404
    with CaptureQueriesContext(connection) as queries:
        response = client.get(missing)
    assert response.status_code == 404
    assert len(queries) > 0 and not is_stored(response)


def test_a_page_is_kept_no_longer_than_the_next_scheduled_publication(
    client, article, make_article, settings
):
    from datetime import timedelta

    from django.utils import timezone
    from django.utils.cache import get_max_age

    from content.cache import seconds_to_next_publication

    settings.PAGE_CACHE_SECONDS = 7 * 24 * 3600
    assert get_max_age(client.get("/en/")) == 7 * 24 * 3600
    assert seconds_to_next_publication() is None
    make_article(published_at=timezone.now() + timedelta(hours=1))
    assert 3500 < seconds_to_next_publication() <= 3601
    assert 3500 < get_max_age(client.get("/en/")) <= 3601


class TokenView(CachedPageMixin, View):
    """A page that puts a CSRF token in its HTML, as a form does."""

    calls = 0

    def get(self, request):
        TokenView.calls += 1
        return HttpResponse(
            f'<form><input type="hidden" name="csrfmiddlewaretoken" value="{get_token(request)}">'
        )


def anonymous_get(path="/ar/form/", cookie=None):
    request = RequestFactory().get(path)
    if cookie:  # as CsrfViewMiddleware leaves it for a visitor who has the cookie
        request.COOKIES[settings.CSRF_COOKIE_NAME] = cookie
        request.META["CSRF_COOKIE"] = cookie
    request.user = AnonymousUser()
    request.session = {}
    MessageMiddleware(lambda request: None).process_request(request)  # its messages
    return request


def token_in(response):
    return re.search(rb'value="([^"]+)"', response.content).group(1).decode()


def test_a_page_with_a_visitors_token_is_never_shared():
    """A page that puts a CSRF token in its HTML is that visitor's own: rendered for each."""
    view = TokenView.as_view()
    TokenView.calls = 0
    first_request, second_request = anonymous_get(), anonymous_get()
    first, second = view(first_request), view(second_request)
    assert TokenView.calls == 2  # rendered for each visitor, never from the cache
    secrets = [r.META["CSRF_COOKIE"] for r in (first_request, second_request)]
    assert secrets[0] != secrets[1]
    assert token_in(first) != token_in(second)  # each visitor's own
    for response in (first, second):
        assert "private" in response["Cache-Control"]  # kept by no shared cache


def test_a_cached_article_is_the_same_bytes_for_everyone(article):
    from django.test import Client

    first, second = (
        Client().get(article.get_absolute_url()),
        Client().get(article.get_absolute_url()),
    )
    assert first.content == second.content
    assert b"csrfmiddlewaretoken" not in first.content
    assert not first.cookies and not second.cookies
    assert "private" not in first["Cache-Control"]
    last_modified = first["Last-Modified"]
    again = Client().get(article.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=last_modified)
    assert again.status_code == 304


def test_the_article_feedback_form_works_from_a_cached_page(article):
    from django.test import Client

    from content.models import Feedback

    Client().get(article.get_absolute_url())  # someone else fills the cache
    visitor = Client(enforce_csrf_checks=True, headers={"Origin": "http://testserver"})
    page = visitor.get(article.get_absolute_url())
    action = re.search(rb'<form method="post" action="([^"#]+)', page.content).group(1)
    response = visitor.post(action.decode(), {"helpful": "yes"})
    assert response.status_code == 302
    assert Feedback.objects.filter(article=article, helpful=True).count() == 1


def test_pending_messages_are_shown_not_skipped(client, article):
    client.get(article.get_absolute_url())  # cached
    client.post("/ar/screener/start-again/")  # leaves "Your answers have been cleared."
    html = client.get(article.get_absolute_url()).content.decode()
    assert "alert" in html and "site-messages" in html
    assert "site-messages" not in client.get(article.get_absolute_url()).content.decode()


def test_pages_cached_by_an_earlier_deployment_are_not_served(client, article, monkeypatch):
    """The cache outlives a restart: new code, templates or translations start afresh."""
    client.get(article.get_absolute_url())
    monkeypatch.setattr("content.cache.release_id", lambda: "a-new-deployment")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(article.get_absolute_url()).status_code == 200
    assert len(queries) > 0


def test_without_git_the_release_follows_translations_contents_not_their_dates(tmp_path):
    import os

    from mesoinfo.release import source_digest

    catalogue = tmp_path / "locale" / "ar" / "LC_MESSAGES" / "django.po"
    catalogue.parent.mkdir(parents=True)
    catalogue.write_bytes(b"one")
    before = source_digest(tmp_path)
    os.utime(catalogue, (1, 1))  # another machine, the same file
    assert source_digest(tmp_path) == before
    catalogue.write_bytes(b"two, longer")
    assert source_digest(tmp_path) != before


def test_an_edit_forgets_cached_pages_once_committed(
    client, article, django_capture_on_commit_callbacks
):
    """A page rendered by another process between the save and the commit shows the old
    text, rightly (the old rows are still the committed ones); the commit forgets it."""
    url = en_url(article)
    client.get(url)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article.title_en = "Renamed"
        article.save()
        assert "Renamed" not in client.get(url).content.decode()  # the stored page
    assert callbacks
    for callback in callbacks:
        callback()
    assert "<h1>Renamed</h1>" in client.get(url).content.decode()


def test_a_rolled_back_edit_clears_nothing(client, article, django_capture_on_commit_callbacks):
    from django.db import transaction

    client.get(en_url(article))
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        article.title_en = "Never committed"
        article.save()
        transaction.set_rollback(True)
    assert callbacks == []


def test_old_pages_do_not_pile_up_in_the_cache(client, article, settings):
    from pathlib import Path

    from content.cache import forget_pages

    folder = Path(settings.CACHES["pages"]["LOCATION"])
    client.get(article.get_absolute_url())
    files = len(list(folder.glob("*.djcache")))
    assert files > 0
    for _ in range(5):
        forget_pages()  # on commit: at once here, outside a transaction
        assert client.get(article.get_absolute_url()).status_code == 200
    assert len(list(folder.glob("*.djcache"))) == files


def test_a_visitor_with_a_session_cookie_takes_the_long_way(admin_client, client, article):
    client.get(article.get_absolute_url())  # stored
    staff = admin_client.get(article.get_absolute_url())
    assert not is_stored(staff)  # recognised as staff: their own, fresh page
