"""Opening and closing a collection each write one audit event."""

from __future__ import annotations

from peerval.web.audit.models import AuditEvent
from peerval.web.surveys.models import Collection

from .survey_helpers import fresh_key


def test_opening_then_closing_records_one_event_each(client, lead, staff_collection):
    Collection.objects.filter(pk=staff_collection.pk).update(status=Collection.DRAFT)
    client.force_login(lead)
    client.post(f"/collections/{staff_collection.pk}/open/", {"idempotency_key": fresh_key()})
    (opened,) = AuditEvent.objects.filter(action="collection")
    assert (opened.user, opened.evaluation) == (lead, staff_collection.wave.evaluation)
    assert opened.detail["status"] == "open"
    assert opened.summary == "Opened the staff collection in wave 2026"

    client.post(f"/collections/{staff_collection.pk}/close/", {"idempotency_key": fresh_key()})
    closed = AuditEvent.objects.filter(action="collection").exclude(pk=opened.pk).get()
    assert closed.user == lead
    assert closed.detail["status"] == "closed"


def test_a_double_click_on_open_records_one_event(client, lead, staff_collection):
    Collection.objects.filter(pk=staff_collection.pk).update(status=Collection.DRAFT)
    client.force_login(lead)
    data = {"idempotency_key": fresh_key()}
    client.post(f"/collections/{staff_collection.pk}/open/", data)
    client.post(f"/collections/{staff_collection.pk}/open/", data)
    assert AuditEvent.objects.filter(action="collection").count() == 1
