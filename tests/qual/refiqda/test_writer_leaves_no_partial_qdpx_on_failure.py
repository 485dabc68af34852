"""A .qdpx that cannot be written whole (a full disk) leaves the previous file byte for
byte, and no partial archive beside it."""

from __future__ import annotations

import pytest

from peerval.errors import PeervalError
from peerval.qual.refiqda import write_qdpx
from tests.outfiles.disk import FAILURES, only
from tests.qual.project.builders import rich_project, small_project


@pytest.mark.parametrize("failure", FAILURES.values(), ids=FAILURES.keys())
def test_a_failed_write_keeps_the_previous_qdpx_and_leaves_nothing_else(
    tmp_path, monkeypatch, failure
):
    target = write_qdpx(small_project(), tmp_path / "project.qdpx")
    good = target.read_bytes()
    failure(monkeypatch)
    with pytest.raises(PeervalError, match="project.qdpx: not written: No space left on device"):
        write_qdpx(rich_project(), target)
    monkeypatch.undo()
    assert only(tmp_path) == ["project.qdpx"]
    assert target.read_bytes() == good
