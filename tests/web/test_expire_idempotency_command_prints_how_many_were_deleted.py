"""``peerval manage expire_idempotency`` deletes old idempotency records and says how many."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import uuid
from datetime import timedelta

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from peerval.web.surveys.models import IdempotencyRecord


def _records(count: int, age: timedelta) -> None:
    keys = [uuid.uuid4() for _ in range(count)]
    IdempotencyRecord.objects.bulk_create(
        IdempotencyRecord(key=key, scope="survey-start", location="/s/t/q/0/") for key in keys
    )
    IdempotencyRecord.objects.filter(key__in=keys).update(created_at=timezone.now() - age)


@override_settings(IDEMPOTENCY_DAYS=7)
def test_the_command_deletes_old_records_and_prints_the_count(db):
    _records(3, timedelta(days=10))
    _records(2, timedelta(hours=1))
    out = io.StringIO()

    call_command("expire_idempotency", stdout=out)

    assert out.getvalue().strip() == "Deleted 3 idempotency records older than 7 days."
    assert IdempotencyRecord.objects.count() == 2


@override_settings(IDEMPOTENCY_DAYS=7)
def test_the_command_says_so_when_there_is_nothing_to_delete(db):
    _records(1, timedelta(days=1))
    out = io.StringIO()

    call_command("expire_idempotency", stdout=out)

    assert out.getvalue().strip() == "Deleted 0 idempotency records older than 7 days."
    assert IdempotencyRecord.objects.count() == 1


def test_the_command_is_reachable_through_peerval_manage(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PEERVAL_", "DATABASE_URL", "DJANGO_"))
    }
    env["PEERVAL_HOME"] = str(tmp_path)
    run = [sys.executable, "-m", "peerval", "manage"]
    # the system checks want the built frontend, which a database chore does not need
    migrated = subprocess.run(
        [*run, "migrate", "-v", "0", "--skip-checks"], env=env, capture_output=True, text=True
    )
    assert migrated.returncode == 0, migrated.stderr
    result = subprocess.run(
        [*run, "expire_idempotency", "--skip-checks"], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "Deleted 0 idempotency records older than 7 days." in result.stdout
