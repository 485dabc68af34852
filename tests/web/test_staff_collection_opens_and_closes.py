"""The lead opens and closes a collection with buttons (POST); the link follows."""

from __future__ import annotations

from peerval.web.surveys.models import Collection

from .survey_helpers import fresh_key


def test_a_draft_collection_opens_then_closes(client, lead, staff_collection):
    Collection.objects.filter(pk=staff_collection.pk).update(status=Collection.DRAFT)
    client.force_login(lead)
    assert client.get(f"/s/{staff_collection.token}/").status_code == 404

    opened = client.post(
        f"/collections/{staff_collection.pk}/open/", {"idempotency_key": fresh_key()}
    )
    assert opened.status_code == 302
    assert opened["Location"] == f"/collections/{staff_collection.pk}/"
    staff_collection.refresh_from_db()
    assert staff_collection.status == Collection.OPEN
    assert staff_collection.opened_at is not None
    assert "The collection is open" in client.get(opened["Location"]).text
    assert client.get(f"/s/{staff_collection.token}/").status_code == 200

    closed = client.post(
        f"/collections/{staff_collection.pk}/close/", {"idempotency_key": fresh_key()}
    )
    assert closed.status_code == 302
    staff_collection.refresh_from_db()
    assert staff_collection.status == Collection.CLOSED
    assert staff_collection.closed_at is not None
    assert "This survey is closed" in client.get(f"/s/{staff_collection.token}/").text


def test_opening_and_closing_need_a_post(client, lead, staff_collection):
    client.force_login(lead)
    assert client.get(f"/collections/{staff_collection.pk}/open/").status_code == 405
    assert client.get(f"/collections/{staff_collection.pk}/close/").status_code == 405
