"""Dates are redacted only when a date-of-birth cue comes shortly before them."""

from __future__ import annotations

import pytest

from .redact_helpers import kinds


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("I was born 12/03/1980 in Derby", "12/03/1980"),
        ("DOB 1/2/80", "1/2/80"),
        ("DOB: 01-02-1975", "01-02-1975"),
        ("D.O.B. 12 March 1980", "12 March 1980"),
        ("date of birth: March 12, 1980", "March 12, 1980"),
        ("my birthday is 3rd May 1975", "3rd May 1975"),
        ("I was born on the 4th of July 1969", "4th of July 1969"),
        ("Date of Birth (dd/mm/yyyy) 14/07/1969", "14/07/1969"),
        ("born in Leeds on 2 Feb 1990", "2 Feb 1990"),
    ],
)
def test_dates_after_a_cue_are_redacted(text, date):
    assert kinds(text) == [("date_of_birth", date)]


@pytest.mark.parametrize(
    "text",
    [
        "Since 3 March things have been calmer",
        "I started on 12/03/2023 and finished in June",
        "The group met on March 12, 2024",
        "My birthday was hard. On 3 March I went back",  # the cue is in another sentence
        "born and brought up here, then after many long years away, on 3 March 2020 I moved",
    ],
)
def test_dates_without_a_cue_are_left(text):
    assert kinds(text) == []
