"""The report's quotes show [place] for the wards, teams and sites the lead lists in the
evaluation's settings, and for the evaluation's care groups."""

from __future__ import annotations

from peerval.web.surveys.models import CareGroup

from .quote_helpers import PLACE, PLACE_QUOTE, PLACE_TEXT, THEME, coded_wave_with_place
from .results_helpers import body


def _report(client, wave) -> str:
    return body(client.get(f"/waves/{wave.pk}/report.html")).decode()


def test_a_place_the_lead_lists_is_shown_as_place_in_the_report(
    client, lead, evaluation, staff_collection
):
    wave = coded_wave_with_place(evaluation, staff_collection, lead)
    client.force_login(lead)
    assert PLACE_TEXT in _report(client, wave)  # the rules alone leave the name in

    evaluation.redact_places = f"Kestrel community team\n{PLACE}"
    evaluation.save()
    html = _report(client, wave)

    assert THEME in html
    assert PLACE_QUOTE in html
    assert PLACE not in html


def test_a_care_group_label_is_shown_as_place_in_the_report(
    client, lead, evaluation, staff_collection
):
    CareGroup.objects.create(evaluation=evaluation, code=7, label=PLACE)
    wave = coded_wave_with_place(evaluation, staff_collection, lead)
    client.force_login(lead)

    html = _report(client, wave)

    assert PLACE_QUOTE in html
    assert PLACE not in html
