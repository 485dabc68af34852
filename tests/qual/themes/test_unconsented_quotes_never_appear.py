"""Only people who agreed to be quoted are quoted; anything else means no."""

from __future__ import annotations

import pandas as pd
import pytest

from peerval.errors import DataError
from peerval.qual.themes import theme_quotes

from .quotes_data import CODED, PEOPLE, THEMES


def test_people_who_said_no_or_did_not_say_are_never_quoted() -> None:
    quotes = theme_quotes(CODED, PEOPLE, THEMES, per_theme=10)
    assert set(quotes["document_id"]) == {"d1", "d2", "d5"}  # p1, p2, p5 said yes; d4 is n/a


def test_a_person_missing_from_the_consent_table_is_not_quoted() -> None:
    people = PEOPLE[PEOPLE["respondent_id"] != "p1"]
    quotes = theme_quotes(CODED, people, THEMES, per_theme=10)
    assert "d1" not in set(quotes["document_id"])


def test_a_missing_answer_means_no() -> None:
    people = PEOPLE.assign(may_quote=[None, None, None, None, None, None])
    assert theme_quotes(CODED, people, THEMES).empty


def test_an_unreadable_answer_is_an_error_naming_the_person() -> None:
    people = PEOPLE.assign(may_quote=["Yes", "maybe", "No", "No", "No", "No"])
    with pytest.raises(DataError, match="may_quote for 'p2' is 'maybe'"):
        theme_quotes(CODED, people, THEMES)


def test_conflicting_answers_for_one_person_are_an_error() -> None:
    people = pd.concat([PEOPLE, pd.DataFrame({"respondent_id": ["p1"], "may_quote": ["No"]})])
    with pytest.raises(DataError, match="'p1' is listed twice"):
        theme_quotes(CODED, people, THEMES)
