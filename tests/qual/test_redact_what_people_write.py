"""Names, places and numbers the way service users and staff actually write them."""

from __future__ import annotations

import pytest

from peerval.qual.redact import Redactor

from .redact_helpers import kinds, with_check_digit


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("my psw sarah was great", "sarah"),
        ("honestly dave got me through the worst of it", "dave"),
        ("Rose helped me settle in", "Rose"),
        ("Will is the best PSW on the ward", "Will"),
        ("Faith from the peer team rang me every week", "Faith"),
        ("Jan my PSW listened when nobody else did", "Jan"),
        ("my PSW Baz came to every review", "Baz"),
        ("the peer mentor Ifeoma went with me to the bank", "Ifeoma"),
        ("Kemi Adeyemi the peer worker made it feel normal", "Kemi Adeyemi"),
        ("my nurse Ayo explained the side effects", "Ayo"),
        ("THANK YOU DAVID SMITH", "DAVID SMITH"),
        ("Mr O'Neill was kind", "Mr O'Neill"),
        ("Auntie Bev came to the ward round with me", "Auntie Bev"),
        ("a peer worker called Precious sat with me", "Precious"),
        ("I was helped by my care coordinator, Siobhan, when I moved", "Siobhan"),
    ],
)
def test_names_are_found_where_people_put_them(text, name):
    assert kinds(text) == [("name", name)]


@pytest.mark.parametrize(
    "text",
    [
        "May was a hard month for me",
        "Will I ever get discharged?",
        "Mark my words, this service works",
        "Recovery College courses gave me a routine",
        "CBT and DBT both helped in different ways",
        "I rang the Samaritans on 116 123 at night",
        "Hope is what my PSW gave me",
        "Honestly my PSW was great",
        "Sometimes the peer worker was late",
        "The Crisis House was a safe place",
        "the psych ward and the acute ward felt the same",
        "I hope the peer support workers stay",
    ],
)
def test_ordinary_sentences_are_left_alone(text):
    assert kinds(text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("I spent a year on Rowan Ward", "Rowan Ward"),
        ("They moved me to Oakwood Hospital", "Oakwood Hospital"),
        ("The PSWs at St Luke's are brilliant", "St Luke's"),
        ("the Highbury Unit has a garden", "Highbury Unit"),
        ("I stayed at Bluebell House for six weeks", "Bluebell House"),
        ("Ward 7 was noisy", "Ward 7"),
        ("on cedar ward the staff were kind", "cedar ward"),
    ],
)
def test_wards_hospitals_and_houses_are_found_by_their_pattern(text, place):
    assert kinds(text) == [("place", place)]


def test_an_nhs_number_spaced_three_four_three_is_found():
    number = with_check_digit("999123457")
    spaced = f"{number[:3]} {number[3:7]} {number[7:]}"
    assert kinds(f"my number is {spaced} if needed") == [("nhs_number", spaced)]


def test_a_date_of_birth_with_a_short_month_and_hyphens_is_found():
    assert kinds("DOB: 12-Mar-1984, please update") == [("date_of_birth", "12-Mar-1984")]


def test_a_flat_in_a_named_building_is_an_address():
    assert kinds("I moved to Flat 4, Mercer Court last year") == [
        ("address", "Flat 4, Mercer Court")
    ]


def test_every_redaction_says_why():
    result = Redactor().redact("my PSW Baz visited me on Rowan Ward")
    assert [(r.text, r.reason) for r in result.redactions] == [
        ("Baz", "a capitalised word after a role"),
        ("Rowan Ward", "a name before 'Ward'"),
    ]
