"""The release id that cached pages are kept under: the same on every machine running it."""

import pytest

from mesoinfo.release import release_id


@pytest.fixture
def fresh_release_id():
    release_id.cache_clear()
    yield release_id
    release_id.cache_clear()


def test_release_id_from_the_environment_wins(settings, fresh_release_id):
    settings.RELEASE_ID = "2026-12-01.1"
    assert fresh_release_id() == "2026-12-01.1"


def test_without_release_id_it_is_a_digest_of_the_sources(settings, fresh_release_id):
    settings.RELEASE_ID = ""
    assert fresh_release_id().startswith("sources-")
