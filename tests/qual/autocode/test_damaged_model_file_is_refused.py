"""A damaged or foreign file gives a ModelFileError naming the file, never a traceback."""

import json
import zipfile

import pytest

from peerval.errors import DataError
from peerval.qual.autocode import ModelFileError, load_model, save_model


def test_a_file_that_is_not_a_model_is_refused(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("not a model")
    with pytest.raises(ModelFileError, match="not a peerval autocode model") as caught:
        load_model(path)
    assert "notes.txt" in str(caught.value)


def test_a_zip_without_a_manifest_is_refused(tmp_path):
    path = tmp_path / "other.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ModelFileError, match="no manifest"):
        load_model(path)


def test_flipped_bytes_inside_the_file_are_caught(model, tmp_path):
    path = save_model(model, tmp_path / "m.zip")
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(b ^ 0xFF for b in data[middle : middle + 64])
    path.write_bytes(bytes(data))
    with pytest.raises(ModelFileError, match="m.zip"):
        load_model(path)


def test_a_truncated_file_is_caught(model, tmp_path):
    path = save_model(model, tmp_path / "m.zip")
    path.write_bytes(path.read_bytes()[:2000])
    with pytest.raises(ModelFileError):
        load_model(path)


def test_a_member_replaced_with_other_content_is_caught(model, tmp_path):
    saved = save_model(model, tmp_path / "m.zip")
    edited = tmp_path / "edited.zip"
    with zipfile.ZipFile(saved) as old, zipfile.ZipFile(edited, "w") as new:
        for name in old.namelist():
            data = old.read(name)
            if name == "model.json":
                body = json.loads(data)
                body["texts"][0] = "a different text"
                data = json.dumps(body).encode()
            new.writestr(name, data)
    with pytest.raises(ModelFileError, match="does not match its SHA-256"):
        load_model(edited)


def test_a_missing_file_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="no model file"):
        load_model(tmp_path / "absent.zip")
