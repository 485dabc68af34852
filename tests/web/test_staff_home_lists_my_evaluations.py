"""The home page lists the signed-in person's evaluations, and only theirs."""

from __future__ import annotations

from .survey_helpers import complete_survey


def test_a_member_sees_each_evaluation_with_role_latest_wave_and_submitted_count(
    client, coder, staff_collection
):
    complete_survey(client, staff_collection)
    client.force_login(coder)
    page = client.get("/")
    assert page.status_code == 200
    html = page.text
    assert "Peer support evaluation 2026" in html
    assert "Example NHS Trust" in html
    assert "Coder" in html
    assert "2026" in html
    assert "Submitted responses in the latest wave" in html
    assert f'href="/evaluations/{staff_collection.wave.evaluation_id}/"' in html


def test_someone_with_no_evaluations_is_told_how_to_start(client, outsider, evaluation):
    client.force_login(outsider)
    html = client.get("/").text
    assert "Peer support evaluation 2026" not in html
    assert "You are not a member of any evaluation yet" in html
    assert 'href="/evaluations/new/"' in html
    assert "Create an evaluation" in html
