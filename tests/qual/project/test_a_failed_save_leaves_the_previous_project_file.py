"""A project file that cannot be saved whole (a full disk) leaves the last good file
byte for byte, and no partial file beside it."""

from __future__ import annotations

import pytest

from peerval.errors import PeervalError
from peerval.qual.projectfile import load_project, save_project
from tests.outfiles.disk import FAILURES, only

from .builders import rich_project, small_project


@pytest.mark.parametrize("failure", FAILURES.values(), ids=FAILURES.keys())
def test_a_failed_save_keeps_the_previous_file_and_leaves_nothing_else(
    tmp_path, monkeypatch, failure
):
    target = save_project(small_project(), tmp_path / "project.json")
    good = target.read_bytes()
    failure(monkeypatch)
    with pytest.raises(PeervalError, match="project.json: not written: No space left on device"):
        save_project(rich_project(), target)
    monkeypatch.undo()
    assert only(tmp_path) == ["project.json"]
    assert target.read_bytes() == good
    assert load_project(target) == small_project()
