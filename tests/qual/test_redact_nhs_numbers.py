"""NHS numbers are redacted only when their modulus 11 check digit is valid."""

from __future__ import annotations

import pytest

from peerval.qual.redact import Redactor

from .redact_helpers import kinds, nhs_check_digit, with_check_digit

# Nine-digit stems chosen by hand; their check digits are computed, not copied.
STEMS = ["943476591", "401023213", "485777345", "612345678", "700000001", "450557710"]


def spaced(digits: str, separator: str) -> str:
    return f"{digits[:3]}{separator}{digits[3:6]}{separator}{digits[6:]}"


def test_the_independent_check_digit_agrees_with_the_well_known_test_number():
    assert nhs_check_digit("943476591") == 9


@pytest.mark.parametrize("separator", ["", " ", "-"])
def test_the_well_known_test_number_is_redacted_in_every_layout(separator):
    number = spaced("9434765919", separator)
    result = Redactor().redact(f"My NHS number is {number}, I think.")
    assert result.text == "My NHS number is [NHS number], I think."
    assert [(r.kind, r.text) for r in result.redactions] == [("nhs_number", number)]


@pytest.mark.parametrize("stem", [s for s in STEMS if nhs_check_digit(s) is not None])
@pytest.mark.parametrize("separator", ["", " "])
def test_a_valid_number_is_redacted_and_a_wrong_check_digit_is_not(stem, separator):
    valid = with_check_digit(stem)
    wrong = stem + str((int(valid[-1]) + 1) % 10)
    assert nhs_check_digit(wrong[:9]) != int(wrong[-1])
    assert kinds(f"NHS no {spaced(valid, separator)} on the letter") == [
        ("nhs_number", spaced(valid, separator))
    ]
    assert kinds(f"NHS no {spaced(wrong, separator)} on the letter") == []


def test_most_stems_have_a_check_digit():
    assert sum(nhs_check_digit(s) is not None for s in STEMS) >= 5


def test_nine_digits_whose_check_would_be_ten_never_make_an_nhs_number():
    stem = next(
        f"{n:09d}" for n in range(100000000, 100001000) if nhs_check_digit(f"{n:09d}") is None
    )
    for last in "0123456789":
        assert all(kind != "nhs_number" for kind, _ in kinds(f"number {stem}{last} here"))


def test_a_ten_digit_number_failing_the_check_can_still_be_a_phone_number():
    stem = "077009001"
    last = str((nhs_check_digit(stem) or 0) + 1)[-1]
    number = stem + last
    assert nhs_check_digit(stem) != int(last)
    assert kinds(f"ring {number} please") == [("phone", number)]


@pytest.mark.parametrize(
    "text",
    [
        "ref 19434765919 is eleven digits",  # part of a longer run of digits
        "94347659190",
        "943 476 59190",
        "943 476-5919 mixes separators",
        "scores 943 and 476",
    ],
)
def test_digits_that_are_not_an_nhs_number_on_their_own_are_left(text):
    assert all(kind != "nhs_number" for kind, _ in kinds(text))
