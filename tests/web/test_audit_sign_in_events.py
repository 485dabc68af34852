"""Signing in, a failed sign-in and signing out each write one audit event."""

from __future__ import annotations

from peerval.web.audit.models import AuditEvent

PASSWORD = "correct horse battery staple"


def test_signing_in_records_one_login_event(client, lead):
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    (event,) = AuditEvent.objects.all()
    assert (event.action, event.user, event.username) == ("login", lead, "alice")


def test_a_wrong_password_records_one_failed_login_naming_the_username(client, lead):
    response = client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    assert response.status_code == 422
    (event,) = AuditEvent.objects.all()
    assert (event.action, event.user, event.username) == ("login_failed", None, "alice")


def test_signing_out_records_one_logout_event(client, lead):
    client.force_login(lead)
    response = client.post("/accounts/logout/confirm/")
    assert response.status_code == 302
    (event,) = AuditEvent.objects.filter(action="logout")
    assert (event.user, event.username) == (lead, "alice")
