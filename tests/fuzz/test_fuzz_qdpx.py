"""Any .qdpx (random bytes, a damaged project, lying sizes, a hostile peerval.json) gives an
import or a PeervalError within the bound."""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerval.qual.refiqda import QdpxImport, read_qdpx, write_qdpx
from tests.archives.bombs import MIB, declare_sizes, replace_members
from tests.fuzz.bounds import read_within
from tests.fuzz.mutations import damaged
from tests.qual.project.builders import rich_project

FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _project_file(sidecar: bool) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return write_qdpx(rich_project(), Path(folder) / "p.qdpx", sidecar=sidecar).read_bytes()


WITH_SIDECAR = _project_file(True)
WITHOUT_SIDECAR = _project_file(False)
with zipfile.ZipFile(__import__("io").BytesIO(WITH_SIDECAR)) as _archive:
    MEMBERS = _archive.namelist()
    SIDECAR = json.loads(_archive.read("peerval.json"))


def _read(path):
    outcome = read_within(lambda: read_qdpx(path))
    assert isinstance(outcome, QdpxImport | Exception)
    return outcome


@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes(tmp_path, data):
    path = tmp_path / "random.qdpx"
    path.write_bytes(data)
    _read(path)


@FUZZ
@given(data=st.one_of(damaged(WITH_SIDECAR), damaged(WITHOUT_SIDECAR)))
def test_a_damaged_project(tmp_path, data):
    path = tmp_path / "damaged.qdpx"
    path.write_bytes(data)
    _read(path)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(member=st.sampled_from(MEMBERS), declared=st.integers(0, 2**32 - 1))
def test_a_member_that_lies_about_its_size(tmp_path, member, declared):
    path = tmp_path / "liar.qdpx"
    path.write_bytes(WITH_SIDECAR)
    declare_sizes(path, {member: declared})
    _read(path)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)


@FUZZ
@given(key=st.sampled_from(sorted(SIDECAR)), value=JSON)
def test_peerval_json_with_a_field_of_any_shape(tmp_path, key, value):
    sidecar = dict(SIDECAR, **{key: value})
    source = tmp_path / "good.qdpx"
    source.write_bytes(WITH_SIDECAR)
    path = replace_members(
        source, tmp_path / "edited.qdpx", {"peerval.json": json.dumps(sidecar).encode()}
    )
    _read(path)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(depth=st.integers(1, 20_000), opener=st.sampled_from(["[", '{"a":']))
def test_peerval_json_nested_deep(tmp_path, depth, opener):
    closer = "]" if opener == "[" else "}"
    source = tmp_path / "good.qdpx"
    source.write_bytes(WITH_SIDECAR)
    deep = (opener * depth + "1" + closer * depth).encode()
    _read(replace_members(source, tmp_path / "deep.qdpx", {"peerval.json": deep}))


def test_a_source_that_expands_to_a_gigabyte(tmp_path):
    source = tmp_path / "good.qdpx"
    source.write_bytes(WITH_SIDECAR)
    text = next(m for m in MEMBERS if m.startswith("Sources/"))
    path = replace_members(source, tmp_path / "bomb.qdpx", {text: bytes(64 * MIB)})
    declare_sizes(path, {text: 2**30})
    assert isinstance(_read(path), Exception)
