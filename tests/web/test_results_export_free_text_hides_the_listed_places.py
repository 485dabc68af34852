"""The CSV exports redact the evaluation's listed places from free text, as the report does."""

from __future__ import annotations

import csv
import io

from .quote_helpers import PLACE, fill_with_place


def _rows(client, wave, kind):
    response = client.get(f"/waves/{wave.pk}/export/{kind}.csv")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_a_listed_place_is_taken_out_of_the_exported_free_text(
    client, lead, evaluation, staff_collection
):
    fill_with_place(staff_collection)
    client.force_login(lead)
    wave = staff_collection.wave
    assert any(PLACE in row["what_works"] for row in _rows(client, wave, "wide"))

    evaluation.redact_places = PLACE
    evaluation.save()

    wide = [row["what_works"] for row in _rows(client, wave, "wide")]
    assert not any(PLACE in text for text in wide)
    assert any("[place]" in text for text in wide)
    answers = [row["text"] for row in _rows(client, wave, "answers")]
    assert not any(PLACE in text for text in answers)
