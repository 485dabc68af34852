"""Every export writes an audit event naming what was exported and how many rows."""

from __future__ import annotations

from peerval.web.audit.models import AuditEvent

from .results_helpers import answer_count, fill_staff


def test_each_export_is_recorded_with_its_kind_and_rows(client, lead, staff_collection):
    stored = fill_staff(staff_collection, count=5)
    client.force_login(lead)
    wave = staff_collection.wave
    AuditEvent.objects.all().delete()  # sign-in events

    for kind in ("answers", "wide", "codebook"):
        assert client.get(f"/waves/{wave.pk}/export/{kind}.csv").status_code == 200

    events = list(AuditEvent.objects.order_by("id"))
    assert [e.action for e in events] == ["export"] * 3
    assert [e.detail["export"] for e in events] == ["answers", "wide", "codebook"]
    assert events[0].detail["rows"] == answer_count(stored)
    assert events[1].detail["rows"] == 5
    assert all(e.user == lead and e.evaluation == wave.evaluation for e in events)
    assert all(e.detail["wave"] == "2026" for e in events)
    assert "rows" in events[0].summary and "answers" in events[0].summary


def test_a_refused_export_is_not_recorded(client, coder, staff_collection):
    client.force_login(coder)
    client.get(f"/waves/{staff_collection.wave.pk}/export/wide.csv")
    assert not AuditEvent.objects.filter(action="export").exists()
