"""The lead adds an existing account to the evaluation with a role."""

from __future__ import annotations

from peerval.web.accounts.models import Membership

from .survey_helpers import fresh_key


def _url(evaluation):
    return f"/evaluations/{evaluation.pk}/members/"


def test_members_are_listed_with_their_roles(client, lead, evaluation):
    client.force_login(lead)
    html = client.get(_url(evaluation)).text
    assert "alice" in html and "Evaluation lead" in html
    assert "bob" in html and "Coder" in html


def test_an_existing_account_is_added_with_a_role(client, lead, outsider, evaluation):
    client.force_login(lead)
    response = client.post(
        _url(evaluation), {"username": "charlie", "role": "analyst", "idempotency_key": fresh_key()}
    )
    assert response.status_code == 302
    assert Membership.objects.get(user=outsider, evaluation=evaluation).role == "analyst"
    assert "charlie added as analyst" in client.get(_url(evaluation)).text
    client.force_login(outsider)
    assert client.get(f"/evaluations/{evaluation.pk}/").status_code == 200


def test_an_unknown_username_is_refused_with_422(client, lead, evaluation):
    client.force_login(lead)
    response = client.post(
        _url(evaluation), {"username": "dora", "role": "viewer", "idempotency_key": fresh_key()}
    )
    assert response.status_code == 422
    assert "There is no account with the username dora" in response.text
    assert '<a href="#username"' in response.text


def test_someone_already_a_member_is_refused(client, lead, evaluation):
    client.force_login(lead)
    response = client.post(
        _url(evaluation), {"username": "bob", "role": "analyst", "idempotency_key": fresh_key()}
    )
    assert response.status_code == 422
    assert "bob is already a member, as coder" in response.text
    assert Membership.objects.get(user__username="bob").role == "coder"


def test_a_role_must_be_chosen(client, lead, outsider, evaluation):
    client.force_login(lead)
    response = client.post(
        _url(evaluation), {"username": "charlie", "idempotency_key": fresh_key()}
    )
    assert response.status_code == 422
    assert '<a href="#role"' in response.text
    assert not Membership.objects.filter(user=outsider).exists()
