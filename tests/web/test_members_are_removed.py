"""The lead removes a member, who then cannot see the evaluation."""

from __future__ import annotations

from peerval.web.accounts.models import Membership

from .survey_helpers import fresh_key


def test_a_removed_member_loses_access(client, lead, coder, evaluation):
    bob = Membership.objects.get(user=coder, evaluation=evaluation)
    client.force_login(lead)
    url = f"/evaluations/{evaluation.pk}/members/{bob.pk}/remove/"
    assert "Remove bob from this evaluation?" in client.get(url).text
    response = client.post(url, {"idempotency_key": fresh_key()})
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=bob.pk).exists()
    client.force_login(coder)
    assert client.get(f"/evaluations/{evaluation.pk}/").status_code == 404
