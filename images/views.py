"""Uploaded pictures served by Django on a developer's machine and in tests; in production
nginx serves them (deploy/nginx), and this answers 404."""

from django.conf import settings
from django.http import Http404
from django.views.static import serve


def serve_media(request, path):
    if not settings.SERVE_MEDIA:
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
