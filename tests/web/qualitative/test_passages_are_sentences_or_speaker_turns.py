"""Passages for keyboard coding: sentences of an answer, turns of a transcript; ticked
passages must follow each other."""

from __future__ import annotations

import pytest

from peerval.web.qualitative.passages import passages, span_of


def test_an_answer_is_split_into_sentences_and_lines():
    text = 'She said "I matter." Then we planned.\nMore time? Yes!'
    found = [text[p.start : p.end] for p in passages(text)]
    assert found == ['She said "I matter."', "Then we planned.", "More time?", "Yes!"]


def test_surrounding_space_is_not_part_of_a_passage():
    assert [(p.start, p.end) for p in passages("  Hello there.   ")] == [(2, 14)]


def test_a_transcript_is_split_into_its_turns_without_the_labels():
    text = "Interviewer: How was it?\n\nP1: Good. She listened."
    turns = [
        {"speaker": "Interviewer", "start": 13, "end": 24},
        {"speaker": "P1", "start": 30, "end": len(text)},
    ]
    found = passages(text, turns)
    assert [(p.speaker, text[p.start : p.end]) for p in found] == [
        ("Interviewer", "How was it?"),
        ("P1", "Good. She listened."),
    ]


def test_passages_that_do_not_follow_each_other_are_refused():
    found = passages("One. Two. Three.")
    assert span_of([1, 2], found) == (0, 9)
    with pytest.raises(ValueError, match="follow each other"):
        span_of([1, 3], found)
    with pytest.raises(ValueError, match="Select a passage"):
        span_of([], found)
