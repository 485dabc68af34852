"""Properties: any text redacts without error, and no email or valid NHS number survives."""

from __future__ import annotations

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from peerval.qual.redact import Redactor

from .redact_helpers import nhs_check_digit

REDACTOR = Redactor(extra_terms=["Rowan Ward"])
DIGIT = re.compile(r"[0-9]")


@st.composite
def nhs_numbers(draw: st.DrawFn) -> str:
    """A valid NHS number, plain or spaced or hyphenated 3-3-4."""
    first_nine = draw(st.text("0123456789", min_size=9, max_size=9))
    check = nhs_check_digit(first_nine)
    assume(check is not None)
    digits = f"{first_nine}{check}"
    separator = draw(st.sampled_from(["", " ", "-"]))
    return separator.join([digits[:3], digits[3:6], digits[6:]])


FRAGMENTS = st.sampled_from(
    [
        "Sarah", "Will", "will", "May", "Mark", "Grace", "Jones", "Dr", "Dr.", "Nurse", "my PSW",
        "called", "St", "Rowan Ward", "the", "group", "I", "was", "born", "DOB", "on",
        "12 March 1980", "12/03/1980", "07700 900123", "0115 496 0000", "943 476 5919",
        "NG5 1PB", "sw1a1aa", "a.b@example.org", "[name]", "[place]", "2nd", "B12", ".",
        ",", "?", "\n", "(", ")", "'s", "-",
    ]
)  # fmt: skip
SEPARATORS = st.sampled_from([" ", " ", " ", "", "\n", ". ", ", "])


@st.composite
def answers(draw: st.DrawFn) -> str:
    """Survey-like text assembled from fragments that exercise every rule."""
    parts = draw(st.lists(st.tuples(FRAGMENTS, SEPARATORS), max_size=25))
    return "".join(fragment + separator for fragment, separator in parts)


PLACEHOLDERS = {
    "name": "[name]",
    "nhs_number": "[NHS number]",
    "phone": "[phone]",
    "email": "[email]",
    "postcode": "[postcode]",
    "date_of_birth": "[date]",
    "listed_term": "[place]",
    "place": "[place]",
    "address": "[address]",
}


def check_consistent(text: str) -> None:
    """Spans are in order, quote the original, and the text is the original with placeholders."""
    result = REDACTOR.redact(text)
    position = 0
    rebuilt: list[str] = []
    for redaction in result.redactions:
        assert position <= redaction.start < redaction.end <= len(text)
        assert text[redaction.start : redaction.end] == redaction.text
        rebuilt.append(text[position : redaction.start])
        rebuilt.append(PLACEHOLDERS[redaction.kind])
        position = redaction.end
    rebuilt.append(text[position:])
    assert result.text == "".join(rebuilt)


@settings(max_examples=400)
@given(st.text())
def test_any_text_gives_a_result(text):
    check_consistent(text)


@settings(max_examples=300)
@given(answers())
def test_survey_like_text_gives_a_result_and_redacting_again_changes_nothing(text):
    check_consistent(text)
    once = REDACTOR.redact(text).text
    assert REDACTOR.redact(once).text == once


@settings(max_examples=200)
@given(prefix=st.text(max_size=40), address=st.emails(), suffix=st.text(max_size=40))
def test_no_email_address_survives(prefix, address, suffix):
    assert address not in REDACTOR.redact(prefix + address + suffix).text


@settings(max_examples=200)
@given(prefix=st.text(max_size=40), number=nhs_numbers(), suffix=st.text(max_size=40))
def test_no_valid_nhs_number_survives(prefix, number, suffix):
    # a digit either side would make it part of a longer number, which is not an NHS number
    assume(not DIGIT.fullmatch(prefix[-1:]) and not DIGIT.fullmatch(suffix[:1]))
    assert number not in REDACTOR.redact(prefix + number + suffix).text
