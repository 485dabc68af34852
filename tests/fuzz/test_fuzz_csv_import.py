"""Fuzzing the CSV response import: any file, however broken, gives a ResponseSet or a
PeervalError within the bound, against a builtin instrument and a mapping.

Inputs are random text and bytes in the encodings people save in, and tables built to be
awkward: byte-order marks, formula cells, unbalanced quotes, empty lines, other separators,
huge fields and very many columns.
"""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from peerval.errors import PeervalError
from peerval.ingest import Mapping, import_table
from peerval.instruments import get_instrument
from peerval.responses import ResponseSet
from tests.fuzz.bounds import read_within

INSTRUMENT = get_instrument("staff-psw-survey")
ITEM_IDS = [item.id for item in INSTRUMENT.items]
MAPPINGS = [
    None,
    Mapping(response_id="ID", columns={"Team": "care_group", "Q4": "valued_member"}),
    Mapping(preset="msforms"),
    Mapping(ignore=["Email", "Notes*"], attributes={"Site": "site"}),
]
LABELS = sorted(
    {option.label for item in INSTRUMENT.items for option in INSTRUMENT.options_for(item)}
)
ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "cp1252",
    "cp1250",
    "latin-1",
]
BOMS = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]
HEADERS = [*ITEM_IDS, "response_id", "ID", "Team", "Q4", "Email", "Site", "Notes 1", "", " "]
CELLS = [
    *LABELS,
    "",
    "=1+2",
    '=HYPERLINK("http://example.invalid","x")',
    "+44 7700 900000",
    "-2",
    "@SUM(A1:A2)",
    "\t=cmd",
    '"',
    '"unbalanced',
    'a "quoted" word',
    "a,b",
    "a;b",
    "line\nbreak",
    "\r",
    "nan",
    "NULL",
    "1e400",
    "Zoë",
    "\ufeff",
]
cells = st.one_of(st.sampled_from(CELLS), st.text(max_size=15))


def _import(data: bytes, suffix: str = ".csv", mapping: Mapping | None = None) -> object:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"responses{suffix}"
        path.write_bytes(data)
        return read_within(lambda: import_table(path, INSTRUMENT, mapping, wave="w1"), seconds=8)


def _check(result: object) -> None:
    if isinstance(result, ResponseSet):
        assert set(result.answers["item_id"]) <= set(ITEM_IDS)
        assert np.isfinite(result.answers["value"].dropna()).all()
    else:
        assert isinstance(result, PeervalError) and str(result)


@st.composite
def tables(draw) -> str:
    """A table's text, joined by hand so that quoting and separators can go wrong."""
    width = draw(st.integers(1, 8))
    header = draw(
        st.lists(st.one_of(st.sampled_from(HEADERS), cells), min_size=width, max_size=width)
    )
    body = draw(st.lists(st.lists(cells, min_size=0, max_size=width + 2), max_size=8))
    separator = draw(st.sampled_from([",", ",", "\t", ";"]))
    quoting = draw(st.sampled_from(["none", "all", "some"]))

    def field(cell: str) -> str:
        if quoting == "all" or (quoting == "some" and draw(st.booleans())):
            return '"' + cell.replace('"', '""') + '"'
        return cell

    lines = [separator.join(field(cell) for cell in row) for row in [header, *body]]
    for _ in range(draw(st.integers(0, 3))):  # empty lines anywhere, even before the header
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(["", " ", ",,,"])))
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return end.join(lines) + draw(st.sampled_from(["", end]))


@settings(max_examples=120, deadline=None)
@given(
    text=tables(),
    encoding=st.sampled_from(ENCODINGS),
    bom=st.booleans(),
    suffix=st.sampled_from([".csv", ".csv", ".tsv", ".txt"]),
    mapping=st.sampled_from(MAPPINGS),
)
def test_any_table_gives_responses_or_a_peerval_error(text, encoding, bom, suffix, mapping):
    data = text.encode(encoding, errors="replace")
    if bom and encoding in ("utf-16-le", "utf-16-be"):
        data = (codecs.BOM_UTF16_LE if encoding == "utf-16-le" else codecs.BOM_UTF16_BE) + data
    _check(_import(data, suffix, mapping))


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(max_size=300),
    encoding=st.sampled_from(ENCODINGS),
    mapping=st.sampled_from(MAPPINGS),
)
def test_random_text_in_any_encoding_gives_responses_or_a_peerval_error(text, encoding, mapping):
    _check(_import(text.encode(encoding, errors="replace"), mapping=mapping))


@settings(max_examples=60, deadline=None)
@given(bom=st.sampled_from(BOMS), data=st.binary(max_size=400), mapping=st.sampled_from(MAPPINGS))
def test_random_bytes_give_responses_or_a_peerval_error(bom, data, mapping):
    _check(_import(bom + data, mapping=mapping))


def test_a_valid_file_is_imported_so_the_fuzzing_reaches_the_validation():
    rows = ["response_id,care_group,valued_member,helps_recovery", "r1,Other,Agree,Agree"]
    result = _import(("\n".join(rows) + "\n").encode("utf-8"))
    assert isinstance(result, ResponseSet)
    assert set(result.answers["item_id"]) == {"care_group", "valued_member", "helps_recovery"}


def test_a_huge_field_and_very_many_columns_are_answered_within_the_bound():
    header = ",".join(["response_id", *ITEM_IDS])
    huge = "r1,Other," + "Agree," * 2 + '"' + "x" * 500_000 + '"' + ",Agree" * 10
    _check(_import(f"{header}\n{huge}\n".encode()))
    wide = ",".join([*ITEM_IDS, *(f"extra {n}" for n in range(3_000))])
    _check(_import(f"{wide}\n{',' * 3_014}1\n".encode()))
    bad_byte_after_huge = f"{header}\nr1,{'y' * 300_000}\n".encode() + b"\x81\n"
    _check(_import(bad_byte_after_huge))
