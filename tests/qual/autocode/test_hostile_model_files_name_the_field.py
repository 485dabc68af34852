"""A model file with fields of the wrong type, JSON nested thousands deep, or members that
expand like a zip bomb, gives a ModelFileError naming the file and field."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from peerval.qual.autocode import ModelFileError, load_model, read_manifest, save_model
from tests.archives.bombs import MIB, replace_members


def _members(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _with_manifest(path, out, change):
    manifest = json.loads(_members(path)["manifest.json"])
    change(manifest)
    return replace_members(path, out, {"manifest.json": json.dumps(manifest).encode()})


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("members", ["model.json"]),
        ("members", {"model.json": 7}),
        ("codes", "access"),
        ("thresholds", [0.5, "high"]),
        ("backend", None),
        ("settings", []),
    ],
)
def test_a_manifest_field_of_the_wrong_type_is_named(model, tmp_path, field, value):
    path = save_model(model, tmp_path / "m.zip")
    bad = _with_manifest(path, tmp_path / "bad.zip", lambda m: m.__setitem__(field, value))
    for read in (load_model, read_manifest):
        with pytest.raises(ModelFileError, match="this field must be") as caught:
            read(bad)
        assert caught.value.location.field == field
        assert str(bad) in caught.value.location.file


def test_a_missing_manifest_field_is_named(model, tmp_path):
    path = save_model(model, tmp_path / "m.zip")
    bad = _with_manifest(path, tmp_path / "bad.zip", lambda m: m.pop("members"))
    with pytest.raises(ModelFileError, match="missing") as caught:
        load_model(bad)
    assert caught.value.location.field == "members"


def test_a_manifest_nested_thousands_deep_is_refused_by_line(model, tmp_path):
    path = save_model(model, tmp_path / "m.zip")
    deep = b'{"format": "peerval-autocode-model",\n"x": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    bad = replace_members(path, tmp_path / "deep.zip", {"manifest.json": deep})
    with pytest.raises(ModelFileError, match="nested more than 64 deep") as caught:
        load_model(bad)
    assert caught.value.location.line == 2


def test_model_json_nested_thousands_deep_is_refused(model, tmp_path):
    path = save_model(model, tmp_path / "m.zip")
    deep = b'{"blocks": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    digest = hashlib.sha256(deep).hexdigest()
    bad = _with_manifest(
        path, tmp_path / "mid.zip", lambda m: m["members"].__setitem__("model.json", digest)
    )
    bad = replace_members(bad, tmp_path / "deep.zip", {"model.json": deep})
    with pytest.raises(ModelFileError, match="nested more than 64 deep") as caught:
        load_model(bad)
    assert "(model.json)" in caught.value.location.file


def test_a_block_of_the_wrong_shape_in_model_json_is_named(model, tmp_path):
    path = save_model(model, tmp_path / "m.zip")
    body = json.loads(_members(path)["model.json"])
    body["blocks"][0]["arrays"] = ["arrays/block0_idf.npy"]
    data = json.dumps(body).encode()
    digest = hashlib.sha256(data).hexdigest()
    bad = _with_manifest(
        path, tmp_path / "mid.zip", lambda m: m["members"].__setitem__("model.json", digest)
    )
    bad = replace_members(bad, tmp_path / "bad.zip", {"model.json": data})
    with pytest.raises(ModelFileError) as caught:
        load_model(bad)
    assert caught.value.location.field == "blocks[0].arrays"


def test_an_array_member_that_expands_like_a_zip_bomb_is_refused(model, tmp_path):
    path = save_model(model, tmp_path / "m.zip")
    bad = replace_members(path, tmp_path / "bomb.zip", {"arrays/weights.npy": bytes(40 * MIB)})
    with pytest.raises(ModelFileError, match="zip bomb") as caught:
        load_model(bad)
    assert "arrays/weights.npy" in str(caught.value)
