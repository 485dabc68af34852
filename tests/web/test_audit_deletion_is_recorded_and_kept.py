"""Deleting an evaluation writes one audit event that outlives the evaluation."""

from __future__ import annotations

from peerval.web.audit.models import AuditEvent
from peerval.web.surveys.models import Evaluation

from .survey_helpers import complete_survey, fresh_key


def test_the_deletion_event_survives_with_the_name_and_who_did_it(client, lead, staff_collection):
    complete_survey(client, staff_collection)
    evaluation = staff_collection.wave.evaluation
    pk = evaluation.pk
    client.force_login(lead)
    client.post(
        f"/evaluations/{pk}/delete/",
        {"confirm": "Peer support evaluation 2026", "idempotency_key": fresh_key()},
    )
    assert not Evaluation.objects.exists()
    (event,) = AuditEvent.objects.filter(action="delete")
    assert event.user == lead
    assert event.evaluation is None
    assert event.summary == "Deleted evaluation Peer support evaluation 2026"
    assert event.detail["name"] == "Peer support evaluation 2026"
    assert event.detail["evaluation_id"] == pk
    assert (event.detail["waves"], event.detail["collections"], event.detail["responses"]) == (
        1,
        1,
        1,
    )
