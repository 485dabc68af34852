"""The audit log page lists one evaluation's events, newest first, 50 to a page."""

from __future__ import annotations

from peerval.web.audit.services import record
from peerval.web.surveys.models import Evaluation


def test_events_are_listed_newest_first_across_pages(client, lead, evaluation):
    for n in range(60):
        record("settings", f"Event {n:02d}", user=lead, evaluation=evaluation)
    client.force_login(lead)
    url = f"/evaluations/{evaluation.pk}/audit/"
    first = client.get(url).text
    assert first.index("Event 59") < first.index("Event 58") < first.index("Event 10")
    assert "Event 09" not in first
    assert "page 1 of 2" in first
    assert f'href="{url}?page=2"' in first
    second = client.get(f"{url}?page=2").text
    assert second.index("Event 09") < second.index("Event 00")
    assert "Event 10" not in second
    assert "alice" in second


def test_other_evaluations_events_are_not_listed(client, lead, evaluation):
    other = Evaluation.objects.create(name="Another evaluation")
    record("settings", "Changed something elsewhere", user=lead, evaluation=other)
    record("settings", "Changed something here", user=lead, evaluation=evaluation)
    client.force_login(lead)
    html = client.get(f"/evaluations/{evaluation.pk}/audit/").text
    assert "Changed something here" in html
    assert "Changed something elsewhere" not in html
