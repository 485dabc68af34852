"""Person names: known first names with any surname, and titles with a name after them."""

from __future__ import annotations

import pytest

from peerval.qual.redact import FIRST_NAMES, Redactor, redact

from .redact_helpers import kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My PSW Sarah was brilliant", "My PSW [name] was brilliant"),
        ("Dr Okafor explained it all in plain words", "[name] explained it all in plain words"),
        ("I will try", "I will try"),
        ("Nurse Jones sat with me for an hour", "[name] sat with me for an hour"),
        ("I asked Mrs Smith and Mr. Hughes", "I asked [name] and [name]"),
        ("Dr. A. Patel and Dr J Patel", "[name] and [name]"),
        ("Priya and Tom ran the walking group", "[name] and [name] ran the walking group"),
        ("Sarah Jane Smith rang me", "[name] rang me"),
        ("Siobhan Murphy from the crisis team", "[name] from the crisis team"),
        ("Mark Jones listened", "[name] listened"),
        ("Then Sarah-Jane O'Brien came in", "Then [name] came in"),
        ("I met Kwame Asante at the Recovery College", "I met [name] at the Recovery College"),
        ("Maria de la Cruz was kind", "[name] was kind"),
        ("Sarah's group was the best", "[name]'s group was the best"),
        ("Thanks to Zoë and Siân", "Thanks to [name] and [name]"),
        ("Chloe, Aisha and Jack made me welcome", "[name], [name] and [name] made me welcome"),
    ],
)
def test_names_in_answers(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my PSW Will helped me every week", "my PSW [name] helped me every week"),
        (
            "A man called Grace? No, a woman called Grace",
            "A man called [name]? No, a woman called [name]",
        ),
        ("Hope, named Hope by her mum", "Hope, named [name] by her mum"),
        (
            "My support worker is Mark and he never gave up",
            "My support worker is [name] and he never gave up",
        ),
        (
            "Our peer supporter, Will, organised a trip",
            "Our peer supporter, [name], organised a trip",
        ),
        ("Hi Pat, thanks for everything", "Hi [name], thanks for everything"),
        ("May Smith runs the group", "[name] runs the group"),
        ("In June Brown started the art group", "In [name] started the art group"),
        ("The worker was May and she was great", "The worker was [name] and she was great"),
    ],
)
def test_names_that_are_also_words_need_a_surname_or_a_cue(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I will try",
        "Will I be able to keep coming?",
        "Will it get better?",
        "We started in May and it helped",
        "May I say thank you to everyone",
        "It may take time",
        "Mark my words, this saved me",
        "Grace and patience is what they showed me",
        "Hope is what I had lost",
        "Faith groups nearby helped too",
        "We do Art therapy on Fridays",
        "Joy! Someone finally listened",
        "Rose early and walked to the group",
        "Bill payments stress me out",
        "Sue the council, I was told",
        "Pat on the back for the team",
        "Frank conversations about medication",
        "We met in April, June and May",
        "The PSW, the NHS and my OT all helped",
        "PSW NHS OT GP CMHT",
        "THANK YOU ALL",
    ],
)
def test_words_that_are_not_names_here_are_left(text):
    assert kinds(text) == []


def test_words_after_a_title_must_look_like_a_name():
    assert kinds("the Nurse Practitioner saw me") == []
    assert kinds("Doctor said no") == []
    assert redact("Doctor Patel said no") == "[name] said no"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The Hope Centre runs art sessions", "Hope Centre"),
        ("St Mary's Hospital was too far away", "St Mary's Hospital"),
        ("Queen Elizabeth Hospital was fine", "Queen Elizabeth Hospital"),
    ],
)
def test_first_names_inside_place_names_are_places_not_people(text, place):
    assert kinds(text) == [("place", place)]


def test_a_sentence_start_is_recognised_after_punctuation_and_new_lines():
    assert redact("It was hard. Will that help?") == "It was hard. Will that help?"
    assert redact("It was hard\nWill that help?") == "It was hard\nWill that help?"
    assert redact('"Will it work?" I asked') == '"Will it work?" I asked'
    assert redact("I told Will about it") == "I told [name] about it"


def test_the_built_in_list_is_large_and_stored_folded():
    assert len(FIRST_NAMES) >= 300
    assert all(name == name.lower() and name.isascii() for name in FIRST_NAMES)
    assert {"sarah", "mohammed", "siobhan", "priya", "oliver", "olivia", "kwame"} <= FIRST_NAMES


def test_first_names_can_be_replaced_or_extended():
    only_xanthe = Redactor(first_names=["Xanthe"])
    assert only_xanthe.redact("Sarah was there. Xanthe too").text == "Sarah was there. [name] too"
    extended = Redactor(first_names=FIRST_NAMES | {"xanthe"})
    assert extended.redact("Sarah was there. Xanthe too").text == "[name] was there. [name] too"
    assert only_xanthe.redact("Dr Okafor").text == "[name]"  # titles work without the list


def test_names_in_lower_case_and_in_capitals_are_found():
    assert kinds("sarah was great") == [("name", "sarah")]
    assert kinds("SARAH WAS GREAT") == [("name", "SARAH")]
    assert kinds("thanks to DAVID SMITH and the team") == [("name", "DAVID SMITH")]


def test_lower_case_words_that_are_also_names_stay_without_a_role_before_them():
    assert kinds("will it ever get better? may be") == []
    assert kinds("my psw rose to the challenge") == [("name", "rose")]
