"""Fuzzing the codebook CSV reader: any file gives a codebook or a PeervalError within the
bound; random text, random bytes, and tables built from the reader's own columns with
blank, duplicate, cyclic and unknown values."""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from peerval.errors import PeervalError
from peerval.qual.codebook_csv import COLUMNS, read_codebook_csv
from peerval.qual.hierarchy import HierarchicalCodebook
from tests.fuzz.bounds import read_within

THEMED = ("theme_id", "theme", "code_id", "code", "description", "valence")
IDS = ["c1", "c2", "c3", "t1", "", " ", "C1", "c1 "]
VALUES = [
    *IDS,
    "yes",
    "no",
    "maybe",
    "#00aa00",
    "#zzz",
    "red",
    "positive",
    "negative",
    "=1+1",
    '"',
    "a,b",
    "line\nbreak",
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "cp1250"]


def _read(data: bytes) -> object:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "codebook.csv"
        path.write_bytes(data)
        return read_within(lambda: read_codebook_csv(path), seconds=5)


def _check(result: object) -> None:
    if isinstance(result, HierarchicalCodebook):
        ids = [code.id for _, code in result.depth_first()]
        assert len(ids) == len(set(ids))
    else:
        assert isinstance(result, PeervalError) and str(result)


@st.composite
def codebook_tables(draw) -> str:
    columns = draw(st.sampled_from([COLUMNS, THEMED]))
    header = draw(st.permutations(columns).map(list))
    header = header[: draw(st.integers(1, len(header)))] + draw(
        st.lists(st.sampled_from(["", "extra", "id", "name "]), max_size=2)
    )
    rows = draw(
        st.lists(
            st.lists(st.one_of(st.sampled_from(VALUES), st.text(max_size=8)), max_size=10),
            max_size=8,
        )
    )
    quote = draw(st.booleans())

    def field(cell: str) -> str:
        return '"' + cell.replace('"', '""') + '"' if quote else cell

    return "\n".join(",".join(field(cell) for cell in row) for row in [header, *rows]) + "\n"


@settings(max_examples=120, deadline=None)
@given(text=codebook_tables(), encoding=st.sampled_from(ENCODINGS))
def test_any_codebook_table_gives_a_codebook_or_a_peerval_error(text, encoding):
    data = text.encode(encoding, errors="replace")
    _check(_read(data))


@settings(max_examples=60, deadline=None)
@given(
    prefix=st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b"id,name\n"]),
    data=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)),
)
def test_random_text_or_bytes_give_a_codebook_or_a_peerval_error(prefix, data):
    _check(_read(prefix + data))


def test_a_valid_codebook_is_read_so_the_fuzzing_reaches_the_checks():
    text = "id,name,parent_id\nt1,Support,\nc1,Listening,t1\n"
    result = _read(text.encode("utf-8"))
    assert isinstance(result, HierarchicalCodebook)
    assert [code.id for _, code in result.depth_first()] == ["t1", "c1"]


def test_a_huge_field_is_answered_within_the_bound():
    _check(_read(("id,name\nc1," + "x" * 200_000 + "\n").encode("utf-8")))


def test_a_carriage_return_inside_a_row_is_read_or_named_by_row():
    result = _read(b"id,name\n\r\x01")
    assert isinstance(result, (HierarchicalCodebook, PeervalError))
    huge = _read(("id,name\nc1," + "x" * 200_000 + "\n").encode("utf-8"))
    assert isinstance(huge, PeervalError) and "row 2" in str(huge)
