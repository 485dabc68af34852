"""A wave's report includes the waves before it, so change between waves is shown; it never
includes later waves."""

from __future__ import annotations

import pytest

from peerval.report.model import Heading
from peerval.web.results import services
from peerval.web.surveys.models import Collection, Wave

from .results_helpers import STAFF, body, fill_staff


@pytest.fixture
def reports(monkeypatch):
    """The report models built (the slow renderers are replaced by a stub)."""
    made = []

    def write_reports(report, out):
        made.append(report)
        for name in ("report.html", "report.pdf", "report.docx"):
            (out / name).write_bytes(b"stub")

    monkeypatch.setattr(services, "write_reports", write_reports)
    return made


@pytest.fixture
def three_waves(evaluation, staff_collection):
    """Staff answers in 2025 (lower agreement), 2026 (higher) and 2027."""
    fill_staff(staff_collection, count=12, shift=1)
    waves = {"2026": staff_collection.wave}
    for label, shift in (("2025", -1), ("2027", 0)):
        wave = Wave.objects.create(evaluation=evaluation, label=label)
        collection = Collection.objects.create(
            wave=wave,
            respondent_group="staff",
            instruments=[{"id": STAFF, "version": "2026.1"}],
            status=Collection.CLOSED,
        )
        fill_staff(collection, count=12, shift=shift)
        waves[label] = wave
    return waves


def _headings(report) -> list[str]:
    return [b.text for s in report.sections for b in s.blocks if isinstance(b, Heading)]


def test_report_compares_the_wave_with_earlier_ones_only(client, lead, three_waves, reports):
    client.force_login(lead)

    body(client.get(f"/waves/{three_waves['2026'].pk}/report.pdf"))

    assert reports[0].subtitle == "Evaluation report, wave 2025, 2026"
    assert "Change between waves" in _headings(reports[0])
    page = client.get(f"/waves/{three_waves['2026'].pk}/report/").text
    assert "compares it with wave 2025." in page


def test_report_of_the_first_wave_has_no_change_section(client, lead, three_waves, reports):
    client.force_login(lead)

    body(client.get(f"/waves/{three_waves['2025'].pk}/report.pdf"))

    assert reports[0].subtitle == "Evaluation report, wave 2025"
    assert "Change between waves" not in _headings(reports[0])
