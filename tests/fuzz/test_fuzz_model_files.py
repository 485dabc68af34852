"""Any autocode model file (random bytes, a damaged model, manifest and model.json fields of
any shape, lying sizes) gives a model or a PeervalError within the bound."""

from __future__ import annotations

import hashlib
import io
import json
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerval.qual.autocode import AutocodeModel, load_model, save_model, train
from tests.archives.bombs import declare_sizes, replace_members
from tests.fuzz.bounds import read_within
from tests.fuzz.mutations import damaged
from tests.qual.autocode.synthetic import comments

FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _model_file() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return save_model(train(comments(40, seed=3)), Path(folder) / "m.zip").read_bytes()


VALID = _model_file()
with zipfile.ZipFile(io.BytesIO(VALID)) as _archive:
    MEMBERS = {name: _archive.read(name) for name in _archive.namelist()}
MANIFEST = json.loads(MEMBERS["manifest.json"])
BODY = json.loads(MEMBERS["model.json"])

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)


def _read(path):
    outcome = read_within(lambda: load_model(path))
    assert isinstance(outcome, AutocodeModel | Exception)
    return outcome


def _write(tmp_path, replace: dict[str, bytes]) -> Path:
    source = tmp_path / "good.zip"
    source.write_bytes(VALID)
    return replace_members(source, tmp_path / "edited.zip", replace)


@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes(tmp_path, data):
    path = tmp_path / "random.zip"
    path.write_bytes(data)
    _read(path)


@FUZZ
@given(data=damaged(VALID))
def test_a_damaged_model(tmp_path, data):
    path = tmp_path / "damaged.zip"
    path.write_bytes(data)
    _read(path)


@FUZZ
@given(key=st.sampled_from(sorted(MANIFEST)), value=JSON)
def test_a_manifest_field_of_any_shape(tmp_path, key, value):
    manifest = dict(MANIFEST, **{key: value})
    _read(_write(tmp_path, {"manifest.json": json.dumps(manifest).encode()}))


@FUZZ
@given(key=st.sampled_from(["blocks", "texts", "settings", "block kind", "block arrays"]),
       value=JSON)  # fmt: skip
def test_a_model_json_field_of_any_shape(tmp_path, key, value):
    body = json.loads(json.dumps(BODY))
    if key.startswith("block "):
        body["blocks"][0][key.removeprefix("block ")] = value
    else:
        body[key] = value
    data = json.dumps(body).encode()
    members = dict(MANIFEST["members"], **{"model.json": hashlib.sha256(data).hexdigest()})
    manifest = dict(MANIFEST, members=members)
    _read(_write(tmp_path, {"model.json": data, "manifest.json": json.dumps(manifest).encode()}))


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(member=st.sampled_from(sorted(MEMBERS)), declared=st.integers(0, 2**32 - 1))
def test_a_member_that_lies_about_its_size(tmp_path, member, declared):
    path = tmp_path / "liar.zip"
    path.write_bytes(VALID)
    declare_sizes(path, {member: declared})
    _read(path)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(depth=st.integers(1, 20_000), member=st.sampled_from(["manifest.json", "model.json"]))
def test_json_nested_deep(tmp_path, depth, member):
    _read(_write(tmp_path, {member: ("[" * depth + "]" * depth).encode()}))
