"""One rule against formula injection, for every CSV peerval writes (OWASP's list of
formula-starting characters, with the full-width forms some spreadsheets also accept)."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerval import outfiles
from peerval.outfiles import spreadsheet_safe, spreadsheet_unsafe


@pytest.mark.parametrize(
    "cell",
    ['=HYPERLINK("http://x","click")', "+SUM(1)", "-3+cmd", "@cmd", "\tx", "\rx", "\nx",
     "\uff1dSUM(1)", "\uff0b1", "\uff0dx", "\uff20cmd", "-", "="],
)  # fmt: skip
def test_a_formula_like_cell_gets_a_quote_in_front(cell):
    assert spreadsheet_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["-3", "+2.5", "-0.5e-3", "4", "fine", "", "a=b", "'quoted"])
def test_numbers_and_ordinary_text_are_left_alone(cell):
    assert spreadsheet_safe(cell) == cell


def test_a_cell_already_starting_with_a_quote_keeps_it_on_the_way_back():
    assert spreadsheet_safe("'=x") == "''=x"
    assert spreadsheet_unsafe("''=x") == "'=x"


@given(st.text())
def test_reading_back_gives_exactly_what_was_written(cell):
    assert spreadsheet_unsafe(spreadsheet_safe(cell)) == cell


def _plain_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return set(cell) <= set("0123456789.eE+-")


@given(st.one_of(st.text(), st.from_regex(r"\A[-+=@\t\r\n\uff0d][0-9.eE+-]{0,6}\Z")))
def test_no_safe_cell_starts_a_formula_unless_it_is_a_plain_number(cell):
    safe = spreadsheet_safe(cell)
    assert not safe.startswith(outfiles.FORMULA_START) or _plain_number(safe)


def test_the_csv_keeps_numeric_columns_numeric_and_neutralises_text_and_headers():
    table = pd.DataFrame(
        {"score": [-3, 2], "change": [-1.5, None], "comment": ["-3+cmd", "-3"], "@h": ["a", "b"]}
    )
    text = outfiles.csv_bytes(table).decode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["score", "change", "comment", "'@h"]
    assert rows[1] == ["-3", "-1.5", "'-3+cmd", "a"]
    assert rows[2] == ["2", "", "-3", "b"]


def test_for_excel_adds_a_byte_order_mark_and_crlf():
    data = outfiles.csv_bytes(pd.DataFrame({"a": ["=1"]}), for_excel=True)
    assert data == "\ufeffa\r\n'=1\r\n".encode()
