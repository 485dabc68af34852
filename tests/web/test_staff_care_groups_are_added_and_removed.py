"""The lead adds care groups (code and name) and removes them."""

from __future__ import annotations

from peerval.web.surveys.models import CareGroup

from .survey_helpers import fresh_key


def _url(evaluation):
    return f"/evaluations/{evaluation.pk}/care-groups/"


def test_a_care_group_is_added_and_listed(client, lead, evaluation):
    client.force_login(lead)
    response = client.post(
        _url(evaluation),
        {"code": "8", "label": "Perinatal", "idempotency_key": fresh_key()},
    )
    assert response.status_code == 302
    assert CareGroup.objects.get(evaluation=evaluation, code=8).label == "Perinatal"
    html = client.get(_url(evaluation)).text
    assert "Perinatal" in html
    assert "Care group added: Perinatal" in html


def test_a_code_already_used_is_refused_with_422(client, lead, evaluation):
    CareGroup.objects.create(evaluation=evaluation, code=3, label="Rehabilitation and recovery")
    client.force_login(lead)
    response = client.post(
        _url(evaluation), {"code": "3", "label": "Rehab", "idempotency_key": fresh_key()}
    )
    assert response.status_code == 422
    assert '<a href="#code"' in response.text
    assert "Code 3 is already used by Rehabilitation and recovery" in response.text
    assert CareGroup.objects.filter(evaluation=evaluation).count() == 1


def test_missing_code_and_name_are_both_reported(client, lead, evaluation):
    client.force_login(lead)
    response = client.post(
        _url(evaluation), {"code": "", "label": "", "idempotency_key": fresh_key()}
    )
    assert response.status_code == 422
    assert "Enter a code for the care group" in response.text
    assert "Enter the name of the care group" in response.text


def test_a_care_group_is_removed_after_confirmation(client, lead, evaluation):
    CareGroup.objects.create(evaluation=evaluation, code=6, label="Forensic and secure")
    client.force_login(lead)
    url = f"/evaluations/{evaluation.pk}/care-groups/6/remove/"
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "Remove Forensic and secure?" in confirm.text
    assert CareGroup.objects.filter(evaluation=evaluation).exists()
    response = client.post(url, {"idempotency_key": fresh_key()})
    assert response.status_code == 302
    assert not CareGroup.objects.filter(evaluation=evaluation).exists()
