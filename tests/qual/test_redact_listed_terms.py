"""Caller-listed terms (wards, teams, places) are redacted as whole words in any case."""

from __future__ import annotations

import pytest

from peerval.qual.redact import Redactor


@pytest.fixture
def redactor() -> Redactor:
    return Redactor(extra_terms=["Rowan Ward", "Cedar Team", "Hilltop"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I was on Rowan Ward for six weeks", "I was on [place] for six weeks"),
        ("rowan ward was noisy", "[place] was noisy"),
        ("ROWAN  WARD at night", "[place] at night"),
        ("The cedar team were kind", "The [place] were kind"),
        ("Hilltop, then home", "[place], then home"),
    ],
)
def test_listed_terms_are_redacted_as_places(redactor, text, expected):
    result = redactor.redact(text)
    assert result.text == expected
    assert {r.kind for r in result.redactions} == {"listed_term"}


@pytest.mark.parametrize(
    "text", ["hilltops and valleys", "the Rowan Wardrobe", "cedar teams elsewhere", "a rowan tree"]
)
def test_only_whole_words_match(redactor, text):
    assert redactor.redact(text).redactions == ()


def test_a_listed_term_beats_a_name_of_the_same_length():
    result = Redactor(extra_terms=["Victoria Ward"]).redact("Victoria Ward was calm")
    assert [(r.kind, r.text) for r in result.redactions] == [("listed_term", "Victoria Ward")]


def test_without_the_term_the_same_words_read_as_a_place_by_their_pattern():
    result = Redactor().redact("Victoria Ward was calm")
    assert [(r.kind, r.text) for r in result.redactions] == [("place", "Victoria Ward")]


@pytest.mark.parametrize(
    ("terms", "error"),
    [("Rowan Ward", TypeError), (["Rowan Ward", ""], ValueError), (["  "], ValueError),
     ([3], TypeError)],
)  # fmt: skip
def test_bad_terms_are_refused(terms, error):
    with pytest.raises(error):
        Redactor(extra_terms=terms)


@pytest.mark.parametrize(
    ("names", "error"), [("Sarah", TypeError), ([""], ValueError), ([None], TypeError)]
)
def test_bad_first_names_are_refused(names, error):
    with pytest.raises(error):
        Redactor(first_names=names)
