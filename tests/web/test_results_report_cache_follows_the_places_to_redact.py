"""A change to the places taken out of quotes (the lead's list, or the care groups) makes a
new report; saving the same list again does not."""

from __future__ import annotations

import pytest

from peerval.web.results import services
from peerval.web.surveys.models import CareGroup
from peerval.web.surveys.services.evaluations import change_settings

from .results_helpers import body, fill_staff


@pytest.fixture
def builds(monkeypatch):
    """Replace the slow renderers with a stub that writes three small files, and count."""
    made = []

    def write_reports(report, out):
        made.append(report)
        (out / "report.html").write_text(f"<p>{len(made)}</p>", encoding="utf-8")
        (out / "report.pdf").write_bytes(b"%PDF stub")
        (out / "report.docx").write_bytes(b"stub")

    monkeypatch.setattr(services, "write_reports", write_reports)
    return made


@pytest.fixture
def places(monkeypatch):
    """The places each report was built with."""
    given = []
    build = services.report_for

    def report_for(*args, **kwargs):
        given.append(list(kwargs.get("places", ())))
        return build(*args, **kwargs)

    monkeypatch.setattr(services, "report_for", report_for)
    return given


def _html(client, wave) -> str:
    return body(client.get(f"/waves/{wave.pk}/report.html")).decode()


def test_a_changed_place_list_makes_a_new_report(client, lead, staff_collection, builds, places):
    fill_staff(staff_collection, count=6)
    client.force_login(lead)
    wave = staff_collection.wave
    evaluation = wave.evaluation
    assert _html(client, wave) == "<p>1</p>"

    change_settings(evaluation, lead, redact_places="Larkspur Ward\nFenwick team")

    assert _html(client, wave) == "<p>2</p>"
    assert places == [[], ["Fenwick team", "Larkspur Ward"]]


def test_the_same_place_list_saved_again_keeps_the_report(client, lead, staff_collection, builds):
    fill_staff(staff_collection, count=6)
    evaluation = staff_collection.wave.evaluation
    change_settings(evaluation, lead, redact_places="Larkspur Ward")
    client.force_login(lead)
    wave = staff_collection.wave
    _html(client, wave)

    change_settings(evaluation, lead, redact_places=" Larkspur Ward \n\n")

    assert _html(client, wave) == "<p>1</p>"
    assert len(builds) == 1


def test_a_new_care_group_makes_a_new_report(client, lead, staff_collection, builds, places):
    fill_staff(staff_collection, count=6)
    client.force_login(lead)
    wave = staff_collection.wave
    _html(client, wave)

    CareGroup.objects.create(evaluation=wave.evaluation, code=7, label="Kestrel Lodge")

    assert _html(client, wave) == "<p>2</p>"
    assert places[-1] == ["Kestrel Lodge"]
