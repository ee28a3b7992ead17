"""A screener question, rendered once per process and stored in two halves around its CSRF
token, so that a later visitor shown the same page costs no template render.

The page is the same for everyone who sees it at one address with the same answer selected
(the question, the header, the footer, the language switcher): everything it shows but the
token. It is stored in this process's own cache (CACHES["local"]) under the content version,
which any edit to the clinic profile or an article replaces. A page with a message for the
visitor, or a refused answer with its errors, is rendered as it is and never stored.
"""

import hashlib
import secrets

from django.conf import settings
from django.contrib.messages import get_messages
from django.http import HttpResponse
from django.middleware.csrf import get_token

from content.cache import content_version, local_cache
from mesoinfo.i18n import address_key

STORE_SECONDS = 60 * 60
# Stands for the token while the page renders; random per process, so no page can hold it.
PLACEHOLDER = "token-" + secrets.token_hex(16)


def page_key(request, vary_on):
    """The page's key: what its language alternates and switcher follow from (its address,
    query included, the language and the settings), the content version and the values
    the view shows."""
    where = (*address_key(request), content_version(), *vary_on)
    return "screener:page:" + hashlib.sha256(repr(where).encode()).hexdigest()[:32]


def with_token(request, halves):
    before, after = halves
    return HttpResponse(before + get_token(request) + after)


def stored_response(request, address, vary_on, render):
    """The page for these values: from the store, or render() (a TemplateResponse whose
    context takes csrf_token) rendered with the placeholder and kept.

    Only at `address`, the one the site links to: a visitor can make up any number of
    others (another query string), each of which would be a page to keep."""
    if (
        settings.DEBUG
        or request.get_full_path() != address
        or len(get_messages(request))  # counting does not mark them read
    ):
        return render({})
    key = page_key(request, vary_on)
    halves = local_cache().get(key)
    if halves is None:
        response = render({"csrf_token": PLACEHOLDER}).render()
        halves = tuple(response.content.decode().split(PLACEHOLDER))
        if response.status_code != 200 or len(halves) != 2:
            return render({})  # not a page with one form: rendered as it is, not kept
        local_cache().set(key, halves, STORE_SECONDS)
    return with_token(request, halves)
