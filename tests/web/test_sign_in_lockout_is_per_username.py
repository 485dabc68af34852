"""Failed sign-ins lock the account they were for, not everyone at the same address."""

from __future__ import annotations

from django.conf import settings
from django.test import Client

PASSWORD = "correct horse battery staple"


def _fail(client, username: str) -> int:
    return client.post("/accounts/login/", {"username": username, "password": "wrong"}).status_code


def test_made_up_names_do_not_lock_out_a_real_user_at_the_same_address(client, lead):
    made_up = [f"nobody{n}" for n in range(settings.AXES_FAILURE_LIMIT + 3)]
    assert [_fail(client, name) for name in made_up] == [422] * len(made_up)
    # one made-up name tried again and again locks that name only
    statuses = [_fail(client, "ghost") for _ in range(settings.AXES_FAILURE_LIMIT + 1)]
    assert statuses[-1] == 429
    signed_in = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert signed_in.status_code == 302


def test_repeated_failures_lock_that_account_and_only_that_one(client, lead, coder):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _fail(client, "alice")
    refused = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert refused.status_code == 429
    assert "Sign-in is locked" in refused.text
    # bob signs in from the same address
    signed_in = client.post("/accounts/login/", {"username": "bob", "password": PASSWORD})
    assert signed_in.status_code == 302
    # and alice stays locked wherever she signs in from
    elsewhere = Client().post(
        "/accounts/login/",
        {"username": "alice", "password": PASSWORD},
        REMOTE_ADDR="198.51.100.20",
    )
    assert elsewhere.status_code == 429
