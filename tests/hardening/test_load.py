"""A short load test run: gunicorn with production settings loses nothing, fails nowhere."""

import importlib.util
from pathlib import Path

import pytest

pytestmark = pytest.mark.load

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "load_test.py"


def load_test_module():
    spec = importlib.util.spec_from_file_location("load_test", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_concurrent_visitors_and_requests_are_all_served_and_stored():
    report = load_test_module().run(clients=4, seconds=3, workers=2)
    assert report["errors"] == []
    assert report["server_tracebacks"] == 0
    assert report["consultations_accepted"] > 0
    assert report["lost"] == []
    assert report["consultations_stored"] == report["consultations_accepted"]
