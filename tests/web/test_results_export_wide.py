"""The wide export: one row per response, one column per item (codes), attributes by label."""

from __future__ import annotations

import csv
import io

from peerval.web.surveys.services.questionnaire import load_instrument

from .results_helpers import STAFF, fill_staff


def test_one_row_per_response_and_one_column_per_item(client, lead, staff_collection):
    stored = fill_staff(staff_collection, count=12)
    client.force_login(lead)

    response = client.get(f"/waves/{staff_collection.wave.pk}/export/wide.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].endswith('-wide.csv"')
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 12
    assert [r["response_id"] for r in rows] == [str(s.public_id) for s in stored]
    survey = load_instrument(STAFF)
    items = [i.id for i in survey.items if not i.attribute]
    attributes = ["profession", "care_group", "time_alongside_psws", "may_quote"]
    assert list(rows[0]) == [
        "response_id", "wave", "submitted_on", "respondent_group", "mode", *attributes, *items
    ]  # fmt: skip
    for row, response_row in zip(rows, stored, strict=True):
        given = response_row.answers[STAFF]
        assert row["valued_member"] == str(given["valued_member"])  # a code, not a label
        assert row["could_improve"] == given.get("could_improve", "")
    assert rows[0]["care_group"] == "Acute and inpatient"  # 7 people: shown by label
