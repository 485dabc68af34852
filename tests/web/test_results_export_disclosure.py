"""Exports protect people row by row: an attribute value held by fewer people than the
threshold is not exported, and written answers are redacted."""

from __future__ import annotations

import csv
import io

from .results_helpers import PERSONAL_TEXT, fill_staff


def _rows(client, wave, kind) -> list[dict[str, str]]:
    response = client.get(f"/waves/{wave.pk}/export/{kind}.csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_a_profession_held_by_one_person_is_not_exported(client, lead, staff_collection):
    fill_staff(staff_collection, count=12)  # one psychiatrist among 12 staff
    client.force_login(lead)
    wave = staff_collection.wave

    wide = _rows(client, wave, "wide")
    long = _rows(client, wave, "answers")

    assert (
        sorted(r["profession"] for r in wide)
        == [""] + ["Qualified nurse"] * 6 + ["Unqualified nursing staff"] * 5
    )
    assert "Psychiatrist" not in str(wide)
    professions = [r for r in long if r["item_id"] == "profession"]
    assert "5" not in {r["value"] for r in professions}
    assert sorted(r["value"] for r in professions).count("") == 1


def test_written_answers_are_redacted(client, lead, staff_collection):
    fill_staff(staff_collection, count=6)
    client.force_login(lead)
    wave = staff_collection.wave

    for kind in ("wide", "answers"):
        text = str(_rows(client, wave, kind))
        assert PERSONAL_TEXT not in text
        assert "Whitfield" not in text and "07700" not in text
        assert "My PSW [name] rang me on [phone] and it really helped." in text
