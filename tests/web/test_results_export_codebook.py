"""The codebook lists every item of the wave's questionnaires, one row per answer option."""

from __future__ import annotations

import csv
import io

from peerval.web.surveys.services.questionnaire import load_instrument

from .results_helpers import STAFF


def test_codebook_lists_every_item_and_option(client, lead, staff_collection):
    client.force_login(lead)  # no responses needed: the codebook describes the questions

    response = client.get(f"/waves/{staff_collection.wave.pk}/export/codebook.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    survey = load_instrument(STAFF)
    assert list(dict.fromkeys(r["item_id"] for r in rows)) == [i.id for i in survey.items]
    expected = sum(max(1, len(survey.options_for(i)) if i.options else 1) for i in survey.items)
    assert len(rows) == expected
    valued = [r for r in rows if r["item_id"] == "valued_member"]
    assert [(r["option_code"], r["option_label"], r["missing"]) for r in valued] == [
        ("1", "Strongly disagree", ""),
        ("2", "Disagree", ""),
        ("3", "Neither agree nor disagree", ""),
        ("4", "Agree", ""),
        ("5", "Strongly agree", ""),
        ("9", "Don't know", "yes"),
    ]
    assert {r["scales"] for r in valued} == {"psw_value"}
    assert {r["instrument_version"] for r in rows} == {survey.version}
    assert {r["type"] for r in rows if r["item_id"] == "what_works"} == {"free_text"}
