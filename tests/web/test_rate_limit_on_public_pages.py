"""Public survey pages answer 429 once one address sends too many requests in a minute."""

from __future__ import annotations

from django.core.cache import cache
from django.test import override_settings


@override_settings(PUBLIC_RATE_LIMIT=3)
def test_the_fourth_request_in_a_minute_is_refused(client, staff_collection):
    cache.clear()
    url = f"/s/{staff_collection.token}/"
    statuses = [client.get(url).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get(url)
    assert refused["Retry-After"] == "60"
    assert "Too many requests" in refused.text
    other = client.get(url, REMOTE_ADDR="192.0.2.44")  # another address is not affected
    assert other.status_code == 200
    cache.clear()
