"""The long export: one row per answer of the wave's submitted responses, as stored."""

from __future__ import annotations

import csv
import io

from django.utils import timezone

from peerval.web.surveys.models import Response, Wave

from .results_helpers import STAFF, answer_count, fill_staff, staff_answers, submit


def _rows(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_one_row_per_answer_matching_the_database(client, lead, staff_collection):
    stored = fill_staff(staff_collection, count=12)
    Response.objects.create(collection=staff_collection, answers={STAFF: staff_answers(3)})
    other_wave = Wave.objects.create(evaluation=staff_collection.wave.evaluation, label="2025")
    other = staff_collection.__class__.objects.create(
        wave=other_wave, respondent_group="staff", instruments=staff_collection.instruments
    )
    submit(other, {STAFF: staff_answers(1)})  # another wave: not exported
    client.force_login(lead)

    response = client.get(f"/waves/{staff_collection.wave.pk}/export/answers.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="peer-support-evaluation-2026-2026-answers.csv"'
    )
    rows = _rows(response)
    assert len(rows) == answer_count(stored)
    assert {r["response_id"] for r in rows} == {str(s.public_id) for s in stored}
    assert {r["wave"] for r in rows} == {"2026"}
    by_id = {str(s.public_id): s.answers[STAFF] for s in stored}
    for row in rows:
        given = by_id[row["response_id"]][row["item_id"]]
        if row["item_id"] == "profession" and given == 5:
            continue  # the one psychiatrist: merged (see the disclosure test)
        if isinstance(given, str):
            assert row["value"] == "" and row["text"]
        else:
            assert row["value"] == str(given), row


def test_rows_carry_public_ids_and_dates_only(client, lead, staff_collection):
    stored = fill_staff(staff_collection, count=5)
    client.force_login(lead)

    rows = _rows(client.get(f"/waves/{staff_collection.wave.pk}/export/answers.csv"))

    assert set(rows[0]) == {
        "response_id", "wave", "submitted_on", "respondent_group", "mode",
        "instrument", "instrument_version", "item_id", "value", "text",
    }  # fmt: skip
    days = {str(s.public_id): timezone.localdate(s.submitted_at).isoformat() for s in stored}
    assert all(r["submitted_on"] == days[r["response_id"]] for r in rows)  # a day, no time
    assert not {str(s.pk) for s in stored} & {r["response_id"] for r in rows}
