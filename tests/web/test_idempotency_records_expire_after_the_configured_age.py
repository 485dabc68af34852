"""Idempotency records older than PEERVAL_IDEMPOTENCY_DAYS are deleted; younger ones stay."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.test import override_settings
from django.utils import timezone

from peerval.web.surveys.models import IdempotencyRecord
from peerval.web.surveys.services.idempotency import expire


def _record(age: timedelta) -> uuid.UUID:
    key = uuid.uuid4()
    IdempotencyRecord.objects.create(key=key, scope="survey-page", location="/s/t/q/1/")
    # created_at is set on insert; move it back to the age wanted
    IdempotencyRecord.objects.filter(key=key).update(created_at=timezone.now() - age)
    return key


@override_settings(IDEMPOTENCY_DAYS=7)
def test_records_older_than_the_setting_are_deleted_and_younger_ones_kept(db):
    old = [_record(timedelta(days=8)), _record(timedelta(days=30))]
    young = [_record(timedelta(days=6, hours=23)), _record(timedelta(minutes=1))]

    assert expire() == 2

    left = set(IdempotencyRecord.objects.values_list("key", flat=True))
    assert left == set(young)
    assert not left & set(old)


@override_settings(IDEMPOTENCY_DAYS=2)
def test_the_age_comes_from_the_setting(db):
    _record(timedelta(days=3))
    one_day = _record(timedelta(days=1))

    assert expire() == 1

    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == [one_day]
