"""A short load test run: gunicorn with production settings loses nothing, fails nowhere."""

import os
from urllib.parse import urlsplit

import pytest

from tests.production import follows_postgres, load_test_module

pytestmark = pytest.mark.load


def test_concurrent_visitors_and_requests_are_all_served_and_stored():
    report = load_test_module().run(clients=4, seconds=3, workers=2)
    assert report["errors"] == []
    assert report["server_tracebacks"] == 0
    assert report["consultations_accepted"] > 0
    assert report["lost"] == []
    assert report["consultations_stored"] == report["consultations_accepted"]
    # The article corpus is loaded: an article in each language is part of the load.
    assert len(report["pages"]) == 5
    expected = urlsplit(os.environ["DATABASE_URL"]).scheme if follows_postgres() else "sqlite"
    assert report["database"] == expected
