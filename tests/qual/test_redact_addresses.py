"""Street addresses are redacted: a numbered street, or a street after "lives on"."""

from __future__ import annotations

import pytest

from peerval.qual.redact import redact

from .redact_helpers import kinds


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("I live at 12 Acacia Avenue and it is damp.", "12 Acacia Avenue"),
        ("Flat 3, 45 High St. was where I stayed.", "Flat 3, 45 High St."),
        ("Send it to 7a Queen's Park Road please.", "7a Queen's Park Road"),
        ("We met at 10 Downing Street.", "10 Downing Street"),
        ("She lives on Acacia Avenue near the park.", "Acacia Avenue"),
        ("He moved to Leeds Road in 2020.", "Leeds Road"),
    ],
)
def test_a_street_address_is_found(text, address):
    assert kinds(text) == [("address", address)]


@pytest.mark.parametrize(
    "text",
    [
        "I had 3 sessions in 2023 and 10 out of 10 would recommend.",
        "I lived in London for years before the move.",
        "Room 12 was cold but the staff brought blankets.",
        "The group meets on the high street on Mondays.",
        "Week 4 Review went well.",
    ],
)
def test_numbers_and_places_that_are_not_addresses_are_left_alone(text):
    assert kinds(text) == []


def test_the_address_placeholder_replaces_the_whole_address_and_keeps_the_full_stop():
    assert redact("Visit me at 24 Station Road.") == "Visit me at [address]."
    assert redact(redact("Visit me at 24 Station Road.")) == "Visit me at [address]."
