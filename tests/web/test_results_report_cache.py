"""Report files are cached per wave: reused while nothing changes, rebuilt after a new
submission or a change to the disclosure settings."""

from __future__ import annotations

import pytest

from peerval.web.results import services

from .results_helpers import STAFF, body, fill_staff, staff_answers, submit


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


def _html(client, wave) -> str:
    return body(client.get(f"/waves/{wave.pk}/report.html")).decode()


def test_report_is_built_once_while_nothing_changes(client, lead, staff_collection, builds):
    fill_staff(staff_collection, count=6)
    client.force_login(lead)
    wave = staff_collection.wave

    first = _html(client, wave)
    again = _html(client, wave)
    body(client.get(f"/waves/{wave.pk}/report.pdf"))

    assert len(builds) == 1
    assert first == again == "<p>1</p>"


def test_a_new_submission_rebuilds_the_report(client, lead, staff_collection, builds):
    fill_staff(staff_collection, count=6)
    client.force_login(lead)
    wave = staff_collection.wave
    assert _html(client, wave) == "<p>1</p>"

    submit(staff_collection, {STAFF: staff_answers(7)})

    assert _html(client, wave) == "<p>2</p>"
    assert len(builds) == 2


def test_changed_disclosure_settings_rebuild_the_report(client, lead, staff_collection, builds):
    fill_staff(staff_collection, count=6)
    client.force_login(lead)
    wave = staff_collection.wave
    _html(client, wave)

    evaluation = wave.evaluation
    evaluation.disclosure_rule = "nhs_1_7"
    evaluation.save()

    _html(client, wave)
    assert len(builds) == 2
    assert "rounded to the nearest 5" in builds[1].disclosure
