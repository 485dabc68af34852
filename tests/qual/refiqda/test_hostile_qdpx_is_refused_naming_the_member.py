"""A .qdpx whose sources expand like a zip bomb, or whose peerval.json nests thousands deep,
is refused with a RefiQdaError naming the file and the member, never a MemoryError or a
RecursionError."""

from __future__ import annotations

import zipfile

import pytest

from peerval.qual.refiqda import RefiQdaError, read_qdpx, write_qdpx
from tests.archives.bombs import MIB, declare_sizes, replace_members
from tests.qual.project.builders import rich_project


@pytest.fixture
def good(tmp_path):
    return write_qdpx(rich_project(), tmp_path / "good.qdpx")


def _a_source(path) -> str:
    with zipfile.ZipFile(path) as archive:
        return next(n for n in archive.namelist() if n.startswith("Sources/"))


def test_a_source_that_expands_a_thousand_times_is_refused(tmp_path, good):
    source = _a_source(good)
    path = replace_members(good, tmp_path / "bomb.qdpx", {source: bytes(40 * MIB)})
    with pytest.raises(RefiQdaError, match="zip bomb") as caught:
        read_qdpx(path)
    assert "bomb.qdpx" in str(caught.value)
    assert source in str(caught.value)


def test_a_source_declared_at_a_gigabyte_is_refused_before_reading(tmp_path, good):
    source = _a_source(good)
    path = replace_members(good, tmp_path / "huge.qdpx", {})
    declare_sizes(path, {source: 2**30})
    with pytest.raises(RefiQdaError, match="would expand to 1,024.0 MiB"):
        read_qdpx(path)


def test_peerval_data_nested_thousands_deep_is_refused_by_line(tmp_path, good):
    deep = b'{"events": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    path = replace_members(good, tmp_path / "deep.qdpx", {"peerval.json": deep})
    with pytest.raises(RefiQdaError, match="nested more than 64 deep") as caught:
        read_qdpx(path)
    assert caught.value.location.file == f"{path} (peerval.json)"
    assert caught.value.location.line == 1


def test_peerval_data_that_is_not_json_is_ignored_for_the_xml(tmp_path, good):
    path = replace_members(good, tmp_path / "plain.qdpx", {"peerval.json": b"{not json"})
    result = read_qdpx(path)
    assert not result.from_peerval_data
    assert result.project.documents
