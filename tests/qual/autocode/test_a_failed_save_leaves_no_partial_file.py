"""A save that fails part-way (a full disk) leaves no temporary file and the old model intact."""

from __future__ import annotations

import errno
import zipfile

import pytest

from peerval.qual.autocode import ModelFileError, save_model


def test_a_full_disk_part_way_through_leaves_the_old_model_and_no_temporary(
    model, tmp_path, monkeypatch
):
    target = save_model(model, tmp_path / "model.peerval-autocode")
    before = target.read_bytes()
    written = zipfile.ZipFile.writestr
    calls = []

    def fill_the_disk(self, name, data, *args, **kwargs):
        calls.append(name)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return written(self, name, data, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", fill_the_disk)
    with pytest.raises(ModelFileError, match="No space left on device") as caught:
        save_model(model, target)
    assert caught.value.location.file == str(target)
    assert len(calls) == 3  # it failed part-way, not before starting
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.peerval-autocode"]
    assert target.read_bytes() == before
