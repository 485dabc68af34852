"""The lead changes a member's role."""

from __future__ import annotations

from peerval.web.accounts.models import Membership

from .survey_helpers import fresh_key


def test_a_coder_becomes_an_analyst(client, lead, coder, evaluation):
    bob = Membership.objects.get(user=coder, evaluation=evaluation)
    client.force_login(lead)
    url = f"/evaluations/{evaluation.pk}/members/{bob.pk}/"
    page = client.get(url)
    assert "Change the role of bob" in page.text
    assert 'value="coder" checked' in page.text
    response = client.post(url, {"role": "analyst", "idempotency_key": fresh_key()})
    assert response.status_code == 302
    assert response["Location"] == f"/evaluations/{evaluation.pk}/members/"
    bob.refresh_from_db()
    assert bob.role == "analyst"


def test_a_membership_of_another_evaluation_is_not_found(client, lead, coder, evaluation):
    from peerval.web.surveys.models import Evaluation

    other = Evaluation.objects.create(name="Another evaluation")
    theirs = Membership.objects.create(user=coder, evaluation=other, role="lead")
    client.force_login(lead)
    response = client.get(f"/evaluations/{evaluation.pk}/members/{theirs.pk}/")
    assert response.status_code == 404
