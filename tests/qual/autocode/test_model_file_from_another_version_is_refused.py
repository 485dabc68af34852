"""A model made by another peerval version, or in another file format, is refused clearly."""

import json
import zipfile

import pytest

import peerval
from peerval.qual.autocode import ModelFileError, load_model, save_model


def rewrite_manifest(source, target, **changes):
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            data = old.read(name)
            if name == "manifest.json":
                manifest = json.loads(data)
                manifest.update(changes)
                data = json.dumps(manifest).encode()
            new.writestr(name, data)


def test_another_peerval_version_is_refused_naming_both_versions(model, tmp_path):
    saved = save_model(model, tmp_path / "m.zip")
    older = tmp_path / "older.zip"
    rewrite_manifest(saved, older, peerval_version="0.0.1")
    with pytest.raises(ModelFileError) as caught:
        load_model(older)
    message = str(caught.value)
    assert "older.zip" in message
    assert "0.0.1" in message and peerval.__version__ in message
    assert "train it again" in message


def test_another_file_format_is_refused(model, tmp_path):
    saved = save_model(model, tmp_path / "m.zip")
    newer = tmp_path / "newer.zip"
    rewrite_manifest(saved, newer, format_version=99)
    with pytest.raises(ModelFileError, match="format 99"):
        load_model(newer)
