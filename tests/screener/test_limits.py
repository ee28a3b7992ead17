"""The flood counters count exactly when requests arrive at once (a database row locked
while it is counted). SQLite takes one writer at a time anyway; the test needs a server
database to mean anything, and runs on PostgreSQL (.ci/with-postgres)."""

import threading

import pytest
from django.db import connection, connections

from screener.limits import count_in_database, forget_old_counters
from screener.models import RateCounter

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif(connection.vendor == "sqlite", reason="parallel writers need a server database")
def test_parallel_requests_are_each_counted_once():
    counts, errors = [], []

    def spend():
        try:
            for _ in range(5):
                counts.append(count_in_database("test:parallel"))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=spend) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(counts) == list(range(1, 41))  # every count given out once
    assert RateCounter.objects.get(key="test:parallel").count == 40


def test_counters_of_past_hours_are_forgotten():
    from datetime import timedelta

    from django.utils import timezone

    assert count_in_database("test:now") == 1
    assert count_in_database("test:now") == 2
    RateCounter.objects.create(key="test:old", count=7, expires_at=timezone.now() - timedelta(1))
    assert forget_old_counters() == 1
    assert list(RateCounter.objects.values_list("key", flat=True)) == ["test:now"]


@pytest.mark.skipif(connection.vendor == "sqlite", reason="parallel writers need a server database")
def test_parallel_requests_from_one_network_store_exactly_the_limit(settings):
    from django.test import Client

    from screener.models import ConsultationRequest

    from .helpers import ready_token, url

    settings.CONSULTATION_RATE_LIMIT = "5/h"
    statuses, errors = [], []
    start = threading.Barrier(12)

    def send(n):
        try:
            data = {
                "name": "ليلى أحمد",
                "phone": "+966501234567",
                "preferred_language": "ar",
                "preferred_time": "morning",
                "consent_to_contact": "on",
                "token": ready_token(),
            }
            client = Client(REMOTE_ADDR=f"2001:db8:5:5::{n + 1:x}")
            start.wait()
            statuses.append(client.post(url("consultation", "en"), data).status_code)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert ConsultationRequest.objects.count() == 5


@pytest.fixture
def redis_url(tmp_path):
    """A throwaway Redis server on a Unix socket (skipped where redis-server is missing)."""
    import shutil
    import subprocess
    import time

    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed")
    socket = tmp_path / "redis.sock"
    process = subprocess.Popen(  # noqa: S603 - our own arguments
        [server, "--port", "0", "--unixsocket", str(socket), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        if socket.exists():
            break
        time.sleep(0.05)
    yield f"unix://{socket}"
    process.terminate()
    process.wait(timeout=10)


def test_with_redis_parallel_requests_are_each_counted_once(settings, redis_url):
    from screener.limits import count_one, redis_client

    settings.REDIS_URL = redis_url
    counts = []

    def spend():
        for _ in range(10):
            counts.append(count_one("test:redis"))

    threads = [threading.Thread(target=spend) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(counts) == list(range(1, 81))
    assert 0 < redis_client(redis_url).ttl("test:redis") <= 3660
    assert RateCounter.objects.count() == 0  # nothing in the database
