"""A wave's label (such as 2026) is unique within its evaluation."""

from __future__ import annotations

from peerval.web.surveys.models import Wave

from .survey_helpers import fresh_key


def _url(evaluation):
    return f"/evaluations/{evaluation.pk}/waves/new/"


def test_a_new_wave_is_added(client, lead, evaluation):
    client.force_login(lead)
    response = client.post(_url(evaluation), {"label": "2027", "idempotency_key": fresh_key()})
    assert response.status_code == 302
    assert response["Location"] == f"/evaluations/{evaluation.pk}/"
    assert list(evaluation.waves.values_list("label", flat=True)) == ["2027"]
    assert "Wave 2027" in client.get(response["Location"]).text


def test_a_repeated_label_is_refused_with_a_clear_message(client, lead, wave):
    client.force_login(lead)
    response = client.post(_url(wave.evaluation), {"label": "2026", "idempotency_key": fresh_key()})
    assert response.status_code == 422
    assert "This evaluation already has a wave called 2026" in response.text
    assert '<a href="#label"' in response.text
    assert Wave.objects.count() == 1


def test_an_empty_label_is_refused(client, lead, evaluation):
    client.force_login(lead)
    response = client.post(_url(evaluation), {"label": "", "idempotency_key": fresh_key()})
    assert response.status_code == 422
    assert "Enter a label for the wave" in response.text


def test_a_double_click_adds_one_wave(client, lead, evaluation):
    client.force_login(lead)
    data = {"label": "2027", "idempotency_key": fresh_key()}
    assert client.post(_url(evaluation), data).status_code == 302
    assert client.post(_url(evaluation), data).status_code == 302
    assert Wave.objects.filter(evaluation=evaluation).count() == 1
