"""An address that fails to sign in many times, to any names, is locked out in the end;
well before that, a real user at that address can still sign in."""

from __future__ import annotations

from django.conf import settings

PASSWORD = "correct horse battery staple"


def _fail(client, username: str) -> int:
    return client.post("/accounts/login/", {"username": username, "password": "wrong"}).status_code


def test_the_address_ceiling_stops_password_spraying(client, lead, coder):
    ceiling = settings.LOGIN_ADDRESS_FAILURE_LIMIT  # the default, 100, unless set
    assert ceiling > settings.AXES_FAILURE_LIMIT
    names = [f"staff{n}" for n in range(ceiling)]

    # one short of the ceiling: a colleague at the same address is not affected
    assert {_fail(client, name) for name in names[:-1]} == {422}
    colleague = client.post("/accounts/login/", {"username": "bob", "password": PASSWORD})
    assert colleague.status_code == 302
    client.logout()

    # the ceiling reached: every name from this address is refused, even with its password
    _fail(client, names[-1])
    refused = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert refused.status_code == 429
    assert _fail(client, "staff-next") == 429

    # the same account from elsewhere is fine
    elsewhere = client.post(
        "/accounts/login/",
        {"username": "alice", "password": PASSWORD},
        REMOTE_ADDR="198.51.100.30",
    )
    assert elsewhere.status_code == 302
