"""The lead changes an evaluation's name, organisation and disclosure control."""

from __future__ import annotations

from .survey_helpers import fresh_key


def _url(evaluation):
    return f"/evaluations/{evaluation.pk}/settings/"


def test_the_form_starts_with_the_current_settings(client, lead, evaluation):
    client.force_login(lead)
    html = client.get(_url(evaluation)).text
    assert 'value="Peer support evaluation 2026"' in html
    assert 'value="Example NHS Trust"' in html
    assert 'value="5"' in html


def test_saved_settings_change_the_evaluation(client, lead, evaluation):
    client.force_login(lead)
    response = client.post(
        _url(evaluation),
        {
            "name": "Peer support evaluation",
            "organisation": "Another NHS Foundation Trust",
            "disclosure_rule": "threshold",
            "disclosure_threshold": "8",
            "idempotency_key": fresh_key(),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/evaluations/{evaluation.pk}/"
    evaluation.refresh_from_db()
    assert evaluation.name == "Peer support evaluation"
    assert evaluation.organisation == "Another NHS Foundation Trust"
    assert evaluation.disclosure_threshold == 8
    assert "Settings saved" in client.get(response["Location"]).text


def test_an_empty_name_is_refused_with_422(client, lead, evaluation):
    client.force_login(lead)
    response = client.post(
        _url(evaluation),
        {"name": " ", "disclosure_rule": "threshold", "disclosure_threshold": "5"}
        | {"idempotency_key": fresh_key()},
    )
    assert response.status_code == 422
    assert "Enter a name for the evaluation" in response.text
    evaluation.refresh_from_db()
    assert evaluation.name == "Peer support evaluation 2026"
