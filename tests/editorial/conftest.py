import inspect

import pytest
from django.db import transaction


@pytest.fixture(autouse=True)
def mail_sent_at_once(request, monkeypatch):
    """Workflow e-mail leaves when the change is committed (transaction.on_commit). Most
    tests here run inside one transaction that is never committed, so they see the e-mail
    at once; the tests marked transaction=True check the real order."""
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        return
    if "django_capture_on_commit_callbacks" in inspect.signature(request.function).parameters:
        return  # the test watches the commit itself
    monkeypatch.setattr(transaction, "on_commit", lambda func, *args, **kwargs: func())
