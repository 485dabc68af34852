"""Full UK postcodes are redacted in any case, with or without the space."""

from __future__ import annotations

import pytest

from .redact_helpers import kinds


@pytest.mark.parametrize(
    "postcode",
    ["NG5 1PB", "SW1A 1AA", "sw1a 1aa", "ng51pb", "EC1A 1BB", "M1 1AE", "W1A 0AX", "B33 8TH",
     "LS6 2AB", "CF10 3NQ"],
)  # fmt: skip
def test_postcodes_are_redacted(postcode):
    assert kinds(f"I live near {postcode}, by the park.") == [("postcode", postcode)]


@pytest.mark.parametrize(
    "text",
    [
        "The NHS and the PSW team were great",
        "Sessions were held in Nottingham and Leeds",
        "Stuck on the M25 for hours",
        "I take B12 vitamins",
        "my b12 2nd dose was late",
        "Room 4B on the 2nd floor",
        "COVID19 stopped the groups",
        "Take the A1 north",
        "NG5 on its own is only a district",
    ],
)
def test_ordinary_words_and_part_postcodes_are_left(text):
    assert all(kind != "postcode" for kind, _ in kinds(text))
