"""A write that fails part-way leaves the previous file byte for byte and no partial file."""

from __future__ import annotations

import zipfile

import pandas as pd
import pytest

from peerval import outfiles
from peerval.errors import PeervalError

from .disk import FAILURES, only

GOOD = b"the previous, complete file\n"


def _csv(path):
    outfiles.write_csv(pd.DataFrame({"comment": ["x" * 500], "score": [-3]}), path)


def _text(path):
    outfiles.write_text(path, "new text " * 100)


def _bytes(path):
    outfiles.write_bytes(path, b"\x00new" * 100)


def _stream(path):
    with outfiles.replacing(path) as handle, zipfile.ZipFile(handle, "w") as archive:
        archive.writestr("a.txt", "a" * 1000)


WRITERS = {"csv": _csv, "text": _text, "bytes": _bytes, "zip streamed": _stream}


@pytest.mark.parametrize("failure", FAILURES.values(), ids=FAILURES.keys())
@pytest.mark.parametrize("write", WRITERS.values(), ids=WRITERS.keys())
def test_failure_keeps_the_previous_file_and_removes_the_partial(
    tmp_path, monkeypatch, write, failure
):
    target = tmp_path / "out.csv"
    target.write_bytes(GOOD)
    failure(monkeypatch)
    with pytest.raises(outfiles.OutputError) as raised:
        write(target)
    assert str(target) in str(raised.value)
    assert "No space left on device" in str(raised.value)
    monkeypatch.undo()
    assert only(tmp_path) == ["out.csv"]
    assert target.read_bytes() == GOOD


@pytest.mark.parametrize("failure", FAILURES.values(), ids=FAILURES.keys())
def test_failure_without_a_previous_file_leaves_the_folder_empty(tmp_path, monkeypatch, failure):
    failure(monkeypatch)
    with pytest.raises(PeervalError):
        _text(tmp_path / "new.txt")
    monkeypatch.undo()
    assert only(tmp_path) == []


def test_an_error_inside_the_block_is_not_hidden_and_nothing_is_replaced(tmp_path):
    target = tmp_path / "out.bin"
    target.write_bytes(GOOD)
    with pytest.raises(KeyError), outfiles.replacing(target) as handle:
        handle.write(b"half")
        raise KeyError("renderer failed")
    assert only(tmp_path) == ["out.bin"]
    assert target.read_bytes() == GOOD


def test_a_successful_write_replaces_the_file_and_leaves_nothing_beside_it(tmp_path):
    target = tmp_path / "out.txt"
    target.write_bytes(GOOD)
    with outfiles.replacing(target, "w") as handle:
        handle.write("caf\u00e9\r\n")
    assert target.read_bytes() == "caf\u00e9\r\n".encode()
    assert only(tmp_path) == ["out.txt"]


def test_a_new_file_gets_the_usual_permissions_not_a_private_temporary_files(tmp_path):
    outfiles.write_text(tmp_path / "a.txt", "a")
    (tmp_path / "b.txt").write_text("b")
    assert (tmp_path / "a.txt").stat().st_mode == (tmp_path / "b.txt").stat().st_mode


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "shared.csv"
    target.write_text("old")
    target.chmod(0o640)
    outfiles.write_text(target, "new")
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_symbolic_link_is_written_through_not_replaced(tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    outfiles.write_text(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"
