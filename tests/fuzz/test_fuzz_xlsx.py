"""Any .xlsx (random bytes, a damaged workbook, a zip bomb) gives a table or a PeervalError."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from peerval.ingest import read_table
from tests.archives.bombs import MIB, declare_sizes, write_zip
from tests.fuzz.bounds import read_within
from tests.fuzz.mutations import damaged

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _workbook() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Responses"
    sheet.append(["response_id", "age", "note"])
    sheet.append(["r1", 34, "=B2*2"])
    sheet.append(["r2", 16.5, "fine"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


VALID = _workbook()


def _read(path: Path) -> object:
    outcome = read_within(lambda: read_table(path))
    assert isinstance(outcome, pd.DataFrame | Exception)
    return outcome


@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes(tmp_path, data):
    path = tmp_path / "random.xlsx"
    path.write_bytes(data)
    _read(path)


@FUZZ
@given(data=damaged(VALID))
def test_a_damaged_workbook(tmp_path, data):
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(data)
    _read(path)


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    member=st.sampled_from(["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "docProps/x"]),
    declared=st.integers(0, 2**32 - 1),
)
def test_a_member_that_lies_about_its_size(tmp_path, member, declared):
    path = tmp_path / "liar.xlsx"
    path.write_bytes(VALID)
    with zipfile.ZipFile(path) as archive:
        present = member in archive.namelist()
    if present:
        declare_sizes(path, {member: declared})
    _read(path)


def test_a_zip_bomb_inside_a_workbook(tmp_path):
    members = {}
    with zipfile.ZipFile(io.BytesIO(VALID)) as archive:
        for name in archive.namelist():
            members[name] = archive.read(name)
    members["xl/worksheets/sheet1.xml"] = members["xl/worksheets/sheet1.xml"].replace(
        b"</worksheet>", b" " * (64 * MIB) + b"</worksheet>"
    )
    path = write_zip(tmp_path / "bomb.xlsx", members)
    assert isinstance(_read(path), Exception)


def test_a_workbook_with_a_csv_name(tmp_path):
    misnamed = tmp_path / "responses.csv"
    misnamed.write_bytes(VALID)
    assert isinstance(_read(misnamed), Exception)
