"""The evaluation page counts submitted responses live, by care group and respondent group,
with a row for every care group (0 where none) and "Not stated" for responses giving none."""

from __future__ import annotations

from django.utils import timezone

from peerval.web.surveys.models import CareGroup, Response

from .page_tables import tables as _tables
from .survey_helpers import complete_survey


def _care_groups(client, evaluation) -> dict[str, list[str]]:
    rows = _tables(client.get(f"/evaluations/{evaluation.pk}/").text)[
        "Submitted responses by care group, wave 2026"
    ]
    assert rows[0] == ["Care group", "Service users", "Staff", "Total"]
    return {row[0]: row[1:] for row in rows[1:]}


def test_counts_start_at_zero_for_every_care_group_and_rise_after_a_submission(
    client, lead, evaluation, staff_collection
):
    CareGroup.objects.create(evaluation=evaluation, code=3, label="Rehabilitation and recovery")
    CareGroup.objects.create(evaluation=evaluation, code=7, label="Other")
    client.force_login(lead)
    before = _care_groups(client, evaluation)
    assert before == {
        "Rehabilitation and recovery": ["0", "0", "0"],
        "Other": ["0", "0", "0"],
        "Not stated": ["0", "0", "0"],
        "All care groups": ["0", "0", "0"],
    }

    complete_survey(client, staff_collection)  # answers care group 7, "Other"
    Response.objects.create(
        collection=staff_collection,
        consented=True,
        status=Response.SUBMITTED,
        submitted_at=timezone.now(),
    )
    Response.objects.create(collection=staff_collection, consented=True)  # a draft

    after = _care_groups(client, evaluation)
    assert after["Rehabilitation and recovery"] == ["0", "0", "0"]
    assert after["Other"] == ["0", "1", "1"]
    assert after["Not stated"] == ["0", "1", "1"]
    assert after["All care groups"] == ["0", "2", "2"]


def test_the_collection_row_counts_submitted_drafts_online_and_paper(
    client, lead, evaluation, staff_collection
):
    complete_survey(client, staff_collection)
    Response.objects.create(collection=staff_collection, consented=True)
    Response.objects.create(
        collection=staff_collection,
        consented=True,
        channel=Response.PAPER,
        status=Response.SUBMITTED,
        submitted_at=timezone.now(),
    )
    client.force_login(lead)
    rows = _tables(client.get(f"/evaluations/{evaluation.pk}/").text)["Collections in wave 2026"]
    assert rows[0] == [
        "Who answers",
        "Status",
        "Questionnaires",
        "Submitted",
        "Drafts in progress",
        "Submitted online",
        "Typed in from paper",
    ]
    assert rows[1] == [
        "Staff",
        "Open",
        "Staff survey on Peer Support Workers (2026.2)",
        "2",
        "1",
        "1",
        "1",
    ]


def test_each_wave_links_to_its_report(client, coder, wave):
    client.force_login(coder)
    html = client.get(f"/evaluations/{wave.evaluation_id}/").text
    assert f'href="/waves/{wave.pk}/report/"' in html
    assert f'href="/waves/{wave.pk}/export/answers.csv"' not in html  # a coder cannot export
