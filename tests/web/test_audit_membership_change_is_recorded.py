"""Adding a member, changing a role and removing a member each write one audit event."""

from __future__ import annotations

from peerval.web.accounts.models import Membership
from peerval.web.audit.models import AuditEvent

from .survey_helpers import fresh_key


def _events():
    return list(AuditEvent.objects.filter(action="members").order_by("id"))


def test_each_membership_change_records_one_event_by_the_lead(client, lead, outsider, evaluation):
    client.force_login(lead)
    base = f"/evaluations/{evaluation.pk}/members/"
    client.post(base, {"username": "charlie", "role": "viewer", "idempotency_key": fresh_key()})
    charlie = Membership.objects.get(user=outsider)
    client.post(f"{base}{charlie.pk}/", {"role": "analyst", "idempotency_key": fresh_key()})
    client.post(f"{base}{charlie.pk}/remove/", {"idempotency_key": fresh_key()})

    added, changed, removed = _events()
    for event in (added, changed, removed):
        assert (event.user, event.evaluation) == (lead, evaluation)
        assert event.detail["member"] == "charlie"
    assert (added.detail["change"], added.detail["role"]) == ("added", "viewer")
    assert (changed.detail["old"], changed.detail["new"]) == ("viewer", "analyst")
    assert removed.detail["change"] == "removed"
    assert removed.summary == "Removed charlie (analyst)"


def test_a_refused_change_records_nothing(client, lead, evaluation):
    alice = Membership.objects.get(user=lead, evaluation=evaluation)
    client.force_login(lead)
    client.post(
        f"/evaluations/{evaluation.pk}/members/{alice.pk}/remove/",
        {"idempotency_key": fresh_key()},
    )
    assert _events() == []
