"""UK phone numbers in the usual national and international layouts are redacted."""

from __future__ import annotations

import pytest

from .redact_helpers import kinds


@pytest.mark.parametrize(
    "number",
    [
        "07700 900123",
        "07700900123",
        "07700-900-123",
        "+44 7700 900123",
        "+447700900123",
        "0044 7700 900123",
        "+44 (0)7700 900123",
        "0115 496 0000",
        "(0115) 4960000",
        "(0115) 496 0000",
        "+44 (0) 115 496 0000",
        "020 7946 0018",
        "0161 496 0123",
        "0300 123 4567",
        "0800 123 4567",
        "01632 960123",
    ],
)
def test_uk_numbers_are_redacted(number):
    assert kinds(f"You can call me on {number} after work.") == [("phone", number)]


@pytest.mark.parametrize(
    "text",
    [
        "I took 0.5 mg at night",
        "I waited 12 weeks, from 2022 to 2023",
        "ref 123456789",
        "0115 496 is too short",
        "0611 496 0000 is not a UK range",
        "0900 123 4567 is not a range we redact",
        "it cost £1200",
    ],
)
def test_other_numbers_are_left(text):
    assert all(kind != "phone" for kind, _ in kinds(text))


def test_two_numbers_in_one_answer_are_both_redacted():
    assert [k for k, _ in kinds("home 0115 496 0000, mobile 07700 900123")] == ["phone", "phone"]
