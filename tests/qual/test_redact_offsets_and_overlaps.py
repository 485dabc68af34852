"""Offsets point into the original text, overlapping matches become one span of the longest
match's kind, and redacting twice changes nothing."""

from __future__ import annotations

import pytest

from peerval.qual.redact import Redaction, RedactionResult, Redactor, redact

MIXED = (
    "My PSW Sarah Jones (sarah.jones@example.org, 07700 900123) met me at NG5 1PB. "
    "DOB 12/03/1980, NHS number 943 476 5919.\nDr Okafor said I will be fine by May."
)


def test_offsets_map_back_to_the_original_text():
    result = Redactor().redact(MIXED)
    assert [r.kind for r in result.redactions] == [
        "name", "email", "phone", "postcode", "date_of_birth", "nhs_number", "name",
    ]  # fmt: skip
    rebuilt = []
    position = 0
    for redaction in result.redactions:
        assert MIXED[redaction.start : redaction.end] == redaction.text
        assert redaction.start >= position  # in order and never overlapping
        rebuilt.append(MIXED[position : redaction.start])
        rebuilt.append("[...]")
        position = redaction.end
    rebuilt.append(MIXED[position:])
    placeholders = [
        "[name]", "[email]", "[phone]", "[postcode]", "[date]", "[NHS number]", "[name]",
    ]  # fmt: skip
    expected = "".join(rebuilt)
    for placeholder in placeholders:
        expected = expected.replace("[...]", placeholder, 1)
    assert result.text == expected


def test_the_result_types():
    result = Redactor().redact("Call Tom")
    assert isinstance(result, RedactionResult)
    assert result.redactions == (Redaction("name", 5, 8, "Tom", "a first name on the list"),)


def test_an_address_holding_a_name_and_an_nhs_number_is_one_email():
    text = "write to Sarah.9434765919@example.org"
    result = Redactor().redact(text)
    assert [(r.kind, r.text) for r in result.redactions] == [
        ("email", "Sarah.9434765919@example.org")
    ]


def test_the_longest_overlapping_match_wins():
    # the listed term "Jones Road" (10 characters) overlaps the name "Sarah Jones" (11)
    result = Redactor(extra_terms=["Jones Road"]).redact("Sarah Jones Road was there")
    assert [(r.kind, r.text) for r in result.redactions] == [("name", "Sarah Jones Road")]


def test_of_two_overlapping_matches_of_equal_length_the_earlier_gives_the_kind():
    # "Mary Smith" (a name) and "Smith Road" (a listed term) are both 10 characters long;
    # one placeholder covers both, so that "Road" is not left dangling
    result = Redactor(extra_terms=["Smith Road"]).redact("Mary Smith Road is far")
    assert [(r.kind, r.text) for r in result.redactions] == [("name", "Mary Smith Road")]
    assert result.text == "[name] is far"
    result = Redactor(extra_terms=["Mary Smith"]).redact("Road Mary Smith")
    assert [r.kind for r in result.redactions] == ["listed_term"]


def test_a_beaten_match_leaves_no_fragment_behind():
    # the address "900123@example.org" is longer than the phone number "07700 900123"
    result = Redactor().redact("ring 07700 900123@example.org")
    assert [(r.kind, r.text) for r in result.redactions] == [("email", "07700 900123@example.org")]
    assert result.text == "ring [email]"


SAMPLES = [
    MIXED,
    "My PSW Sarah was brilliant",
    "Will I be seen in May? My worker is Will.",
    "DOB 12 Jan. Will was there",
    "Dr. J. Patel, Nurse Jones and Mrs Begum (0115) 496 0000",
    "born on 12 March 1980 and my birthday is March 12, 1980",
    "Placeholders like [name], [NHS number] and [place] stay as they are",
    "",
    "   ",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_redacting_twice_gives_the_same_text(text):
    redactor = Redactor(extra_terms=["Rowan Ward", "place"])
    once = redactor.redact(text).text
    twice = redactor.redact(once)
    assert twice.text == once
    assert twice.redactions == ()


def test_the_convenience_function_uses_the_default_redactor():
    assert redact(MIXED) == Redactor().redact(MIXED).text


@pytest.mark.parametrize("value", [None, b"Sarah", 42])
def test_only_text_can_be_redacted(value):
    with pytest.raises(TypeError):
        Redactor().redact(value)
    with pytest.raises(TypeError):
        redact(value)


def test_results_are_frozen():
    result = Redactor().redact("Call Tom")
    with pytest.raises(AttributeError):
        result.text = "changed"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        result.redactions[0].kind = "phone"  # type: ignore[misc]
