"""An output folder that cannot be used is reported, naming it, before any work starts."""

from __future__ import annotations

import pytest

from peerval.outfiles import OutputError, writable_file, writable_folder

from .disk import only


def test_a_missing_folder_is_created_and_left_empty(tmp_path):
    folder = writable_folder(tmp_path / "a" / "b")
    assert folder.is_dir()
    assert only(folder) == []


def test_a_folder_under_a_file_is_refused_naming_it(tmp_path):
    (tmp_path / "taken").write_text("x")
    with pytest.raises(OutputError, match="taken/out: the output folder cannot be created"):
        writable_folder(tmp_path / "taken" / "out")


def test_a_file_where_the_folder_should_be_is_refused(tmp_path):
    (tmp_path / "taken").write_text("x")
    with pytest.raises(OutputError, match="taken: is a file, not a folder"):
        writable_folder(tmp_path / "taken")


def test_a_folder_that_refuses_new_files_is_refused(tmp_path, monkeypatch):
    import os

    def refuse(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(OutputError, match="does not accept new files: Permission denied"):
        writable_folder(tmp_path)


def test_a_file_in_a_missing_folder_is_refused_and_nothing_is_created(tmp_path):
    with pytest.raises(OutputError, match="missing: the folder to write into does not exist"):
        writable_file(tmp_path / "missing" / "scores.csv")
    assert only(tmp_path) == []


def test_a_folder_given_as_the_file_is_refused(tmp_path):
    with pytest.raises(OutputError, match="is a folder, not a file"):
        writable_file(tmp_path)
    assert writable_file(tmp_path / "ok.csv") == tmp_path / "ok.csv"
