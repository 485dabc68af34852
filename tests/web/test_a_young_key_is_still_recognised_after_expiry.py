"""Expiring old idempotency records leaves recent keys working: a repeat is still caught."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.test import override_settings
from django.utils import timezone

from peerval.web.surveys.models import IdempotencyRecord, Response
from peerval.web.surveys.services.idempotency import expire

from .survey_helpers import key_from


@override_settings(IDEMPOTENCY_DAYS=7)
def test_a_repeated_start_after_expiry_still_makes_one_draft(client, staff_collection):
    stale = uuid.uuid4()
    IdempotencyRecord.objects.create(key=stale, scope="survey-start", location="/s/old/q/0/")
    IdempotencyRecord.objects.filter(key=stale).update(
        created_at=timezone.now() - timedelta(days=8)
    )
    base = f"/s/{staff_collection.token}/"
    key = key_from(client.get(base).text)
    first = client.post(base, {"consent": "on", "idempotency_key": key})

    assert expire() == 1

    again = client.post(base, {"consent": "on", "idempotency_key": key})
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"]
    assert Response.objects.count() == 1
    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == [uuid.UUID(key)]
