"""On the survey pages each respondent has their own allowance a minute; an address in all
is still held to a ceiling, however many respondents it starts."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from .survey_helpers import key_from


@pytest.fixture
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def _started(collection) -> tuple[Client, str]:
    """A respondent who has consented: their client and their first question page."""
    client = Client()
    base = f"/s/{collection.token}/"
    started = client.post(
        base, {"consent": "on", "idempotency_key": key_from(client.get(base).text)}
    )
    assert started.status_code == 302
    return client, started["Location"]


@override_settings(PUBLIC_RATE_LIMIT=6, PUBLIC_ADDRESS_RATE_LIMIT=100)
def test_one_busy_respondent_does_not_hold_up_another(staff_collection, empty_cache):
    busy, page = _started(staff_collection)
    other, other_page = _started(staff_collection)
    statuses = [busy.get(page).status_code for _ in range(7)]
    assert statuses == [200] * 6 + [429]
    assert busy.get(page)["Retry-After"] == "60"
    assert other.get(other_page).status_code == 200


@override_settings(PUBLIC_RATE_LIMIT=6, PUBLIC_ADDRESS_RATE_LIMIT=12)
def test_an_address_is_stopped_at_its_ceiling(staff_collection, empty_cache):
    first, page = _started(staff_collection)  # 2 requests
    second, second_page = _started(staff_collection)  # 4
    assert [first.get(page).status_code for _ in range(4)] == [200] * 4  # 8
    assert [second.get(second_page).status_code for _ in range(4)] == [200] * 4  # 12
    assert second.get(second_page).status_code == 429
    assert first.get(page).status_code == 429
    # another address is not affected
    assert (
        Client(REMOTE_ADDR="198.51.100.40").get(f"/s/{staff_collection.token}/").status_code == 200
    )
