"""An evaluation always keeps a lead: the last one can be neither removed nor demoted."""

from __future__ import annotations

from peerval.web.accounts.models import Membership

from .survey_helpers import fresh_key


def _alice(lead, evaluation):
    return Membership.objects.get(user=lead, evaluation=evaluation)


def test_the_last_lead_cannot_be_demoted(client, lead, evaluation):
    alice = _alice(lead, evaluation)
    client.force_login(lead)
    response = client.post(
        f"/evaluations/{evaluation.pk}/members/{alice.pk}/",
        {"role": "viewer", "idempotency_key": fresh_key()},
    )
    assert response.status_code == 422
    assert "they are the only evaluation lead" in response.text
    assert "Make someone else an evaluation lead first" in response.text
    alice.refresh_from_db()
    assert alice.role == "lead"


def test_the_last_lead_cannot_be_removed(client, lead, evaluation):
    alice = _alice(lead, evaluation)
    client.force_login(lead)
    response = client.post(
        f"/evaluations/{evaluation.pk}/members/{alice.pk}/remove/",
        {"idempotency_key": fresh_key()},
    )
    assert response.status_code == 422
    assert "they are the only evaluation lead" in response.text
    assert Membership.objects.filter(pk=alice.pk).exists()


def test_a_lead_can_step_down_once_there_is_another(client, lead, coder, evaluation):
    Membership.objects.filter(user=coder, evaluation=evaluation).update(role="lead")
    alice = _alice(lead, evaluation)
    client.force_login(lead)
    response = client.post(
        f"/evaluations/{evaluation.pk}/members/{alice.pk}/",
        {"role": "analyst", "idempotency_key": fresh_key()},
    )
    assert response.status_code == 302
    # alice can no longer manage members, so she goes back to the evaluation's page
    assert response["Location"] == f"/evaluations/{evaluation.pk}/"
    alice.refresh_from_db()
    assert alice.role == "analyst"
