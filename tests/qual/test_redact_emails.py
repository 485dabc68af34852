"""Email addresses are redacted whole."""

from __future__ import annotations

import pytest

from peerval.qual.redact import redact

from .redact_helpers import kinds


@pytest.mark.parametrize(
    "address",
    [
        "sarah.jones@example.nhs.uk",
        "j.patel@example.org",
        "Sam_R+groups@mail.example.co.uk",
        "help@peer-support.example.com",
        "x@y.io",
    ],
)
def test_addresses_are_redacted(address):
    assert kinds(f"email <{address}> or write") == [("email", address)]
    assert redact(f"write to {address}.") == "write to [email]."


def test_a_name_inside_an_address_does_not_split_it():
    assert kinds("contact Sarah.Jones@example.org") == [("email", "Sarah.Jones@example.org")]


@pytest.mark.parametrize(
    "text",
    ["meet me @ the cafe", "@PSW team", "rated it 5 @ £10 each", "name at example dot com"],
)
def test_text_without_an_address_is_left(text):
    assert all(kind != "email" for kind, _ in kinds(text))
