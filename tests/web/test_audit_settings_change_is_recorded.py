"""Changing an evaluation's settings writes one audit event with the old and new values."""

from __future__ import annotations

from peerval.web.audit.models import AuditEvent

from .survey_helpers import fresh_key


def test_a_settings_change_records_old_and_new_values(client, lead, evaluation):
    client.force_login(lead)
    client.post(
        f"/evaluations/{evaluation.pk}/settings/",
        {
            "name": "Peer support evaluation 2026",
            "organisation": "Another NHS Trust",
            "disclosure_rule": "threshold",
            "disclosure_threshold": "7",
            "idempotency_key": fresh_key(),
        },
    )
    (event,) = AuditEvent.objects.filter(action="settings")
    assert (event.user, event.evaluation) == (lead, evaluation)
    assert event.detail["changes"] == {
        "organisation": {"old": "Example NHS Trust", "new": "Another NHS Trust"},
        "disclosure_threshold": {"old": 5, "new": 7},
    }


def test_saving_unchanged_settings_records_nothing(client, lead, evaluation):
    client.force_login(lead)
    client.post(
        f"/evaluations/{evaluation.pk}/settings/",
        {
            "name": evaluation.name,
            "organisation": evaluation.organisation,
            "disclosure_rule": "threshold",
            "disclosure_threshold": "5",
            "idempotency_key": fresh_key(),
        },
    )
    assert not AuditEvent.objects.filter(action="settings").exists()
