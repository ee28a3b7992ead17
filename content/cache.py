"""A cache of rendered public pages, per language, with ETag and Last-Modified.

Every cached page is stored under the current *content version*: a token that is
replaced whenever staff save or delete an article, a category, a reviewer or a
source (signals.py), so an edit shows at once and old pages simply expire. The
version also expires on its own after PAGE_CACHE_SECONDS, and before the next
scheduled publish date, so an article that becomes public by the clock appears.

Only what is the same for every visitor is cached or answered with 304: anonymous
GET/HEAD requests without a query string and without pending messages. A page with a
form (the article's "Was this page helpful?") is cached with a placeholder where the
CSRF token goes; each visitor gets their own token filled in, an ETag tied to their
CSRF cookie, and `Cache-Control: private`, so no token is ever served to someone else.
Anything else is rendered as usual.
"""

import functools
import hashlib
import re
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language

BUILD_FILES = {".py", ".html", ".txt", ".mo", ".json"}


@functools.cache
def build_fingerprint():
    """What this deployment is made of: its code, templates, compiled translations and static
    manifest, by name, size and modification time. The cache outlives a restart, so pages
    rendered by an earlier deployment must not be served by this one."""
    roots = [Path(settings.BASE_DIR) / name for name in ("mesoinfo", "content", "screener")]
    roots += [Path(folder) for folder in settings.LOCALE_PATHS]
    roots += [Path(folder) for engine in settings.TEMPLATES for folder in engine["DIRS"]]
    files = [path for root in roots for path in root.rglob("*") if path.suffix in BUILD_FILES]
    files.append(Path(settings.STATIC_ROOT) / "staticfiles.json")
    digest = hashlib.sha256()
    for path in sorted(files):
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:12]


def version_key():
    return f"content:page-version:{build_fingerprint()}"


def page_cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 600)


def seconds_to_next_publication():
    """Seconds until the next scheduled article goes live or a live one expires, or None."""
    from .models import Article

    now = timezone.now()
    scheduled = Article.objects.filter(status=Article.Status.PUBLISHED)
    moments = [
        scheduled.filter(published_at__gt=now).order_by("published_at")
        .values_list("published_at", flat=True).first(),
        scheduled.filter(expires_at__gt=now).order_by("expires_at")
        .values_list("expires_at", flat=True).first(),
    ]  # fmt: skip
    moments = [moment for moment in moments if moment is not None]
    if not moments:
        return None
    upcoming = min(moments)
    return max(1, int((upcoming - timezone.now()).total_seconds()) + 1)


def content_version():
    """The current version token, '<unix time>.<random>'; made anew when missing."""
    version = cache.get(version_key())
    if version is None:
        version = f"{int(time.time())}.{secrets.token_hex(4)}"
        timeout = page_cache_seconds()
        upcoming = seconds_to_next_publication()
        if upcoming is not None:
            timeout = min(timeout, upcoming)
        cache.set(version_key(), version, timeout)
    return version


def bump_content_version(**_kwargs):
    """Forget every cached page: the next request starts a new version.

    Done at once and again when the transaction commits: a page another process renders
    in between, from the rows as they were before the commit, must not outlive it.
    """
    cache.delete(version_key())
    transaction.on_commit(lambda: cache.delete(version_key()))


def is_shareable_request(request):
    """True when the page this request gets is the same for every visitor."""
    if request.method not in ("GET", "HEAD") or request.GET:
        return False
    if request.user.is_authenticated:
        return False
    return len(get_messages(request)) == 0  # counting does not mark them as read


def page_validators(request, version):
    """The ETag and Last-Modified for this page at this version."""
    where = f"{request.get_host()}|{request.path}|{get_language()}"
    digest = hashlib.sha256(where.encode()).hexdigest()[:16]
    etag = f'"{version}-{digest}"'
    last_modified = int(version.split(".", 1)[0])
    # One cache entry per page, holding the version it was rendered at: a page of an older
    # version is a miss and is overwritten, so old versions never pile up in the cache.
    return etag, last_modified, f"content:page:{digest}"


def add_validators(response, etag, last_modified):
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, no_cache=True)  # may be stored; revalidate each time
    return response


# A form's CSRF token is the one part of a page that differs between visitors. Cached
# pages hold this placeholder instead, and each response gets the visitor's own token.
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')
CSRF_PLACEHOLDER = b'name="csrfmiddlewaretoken" value="__csrf_token__"'


def with_visitor_token(request, content, etag):
    """The page with this visitor's CSRF token, and an ETag that changes with their cookie."""
    token = get_token(request)  # also makes sure the visitor has the CSRF cookie
    secret = request.META.get("CSRF_COOKIE", "")
    content = content.replace(b"__csrf_token__", token.encode())
    return content, etag[:-1] + "-" + hashlib.sha256(secret.encode()).hexdigest()[:12] + '"'


# Each process also keeps the pages it has served in memory, each with its version: the
# version is still read from the shared cache on every request, so an edit made anywhere
# reaches this process at once, but an unchanged page is not read back from the shared
# cache (a file to open and decompress) each time. At most LOCAL_PAGES_MAX pages.
LOCAL_PAGES = {}
LOCAL_PAGES_MAX = 500


def local_copy(key, version):
    cached = LOCAL_PAGES.get(key)
    return cached if cached is not None and cached[0] == version else None


def shared_copy(key, version):
    cached = cache.get(key)
    if cached is None or cached[0] != version:
        return None
    keep_local_copy(key, cached)
    return cached


def keep_local_copy(key, cached):
    if len(LOCAL_PAGES) >= LOCAL_PAGES_MAX:
        LOCAL_PAGES.clear()
    LOCAL_PAGES[key] = cached


class CachedPageMixin:
    """For public views whose page depends only on the content, language and address."""

    def dispatch(self, request, *args, **kwargs):
        if not is_shareable_request(request):
            return super().dispatch(request, *args, **kwargs)
        version = content_version()
        etag, last_modified, key = page_validators(request, version)
        cached = local_copy(key, version) or shared_copy(key, version)
        if cached is None:
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            if response.status_code != 200 or response.cookies:
                return response  # an error, or a page that set a cookie: never shared
            has_form = bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
            content = response.content
            if has_form:
                content = CSRF_INPUT.sub(CSRF_PLACEHOLDER, content)
            cached = (version, content, response["Content-Type"], has_form)
            cache.set(key, cached, page_cache_seconds())
            keep_local_copy(key, cached)
        _version, content, content_type, has_form = cached
        if has_form:
            content, etag = with_visitor_token(request, content, etag)
            last_modified = None  # only the ETag knows which visitor's token the copy holds
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        response = not_modified or HttpResponse(content, content_type=content_type)
        add_validators(response, etag, last_modified)
        if has_form:
            patch_cache_control(response, private=True)
        return response
