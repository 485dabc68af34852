"""Any bytes given to the REFI-QDA importers give a project or a PeervalError, nothing else."""

import contextlib
import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerval.errors import PeervalError
from peerval.qual.refiqda import read_qdc, read_qdpx

XMLISH = st.text(
    alphabet=st.sampled_from(list('<>/="Project CodeBook Codes xmlns:QDA-XML urn 1.0 ')),
    max_size=200,
)


def zipped(member: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, data)
    return buffer.getvalue()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.one_of(st.binary(max_size=300), XMLISH.map(lambda t: zipped("project.qde", t.encode())))
)
def test_read_qdpx_never_raises_anything_but_a_peerval_error(tmp_path, data):
    path = tmp_path / "any.qdpx"
    path.write_bytes(data)
    with contextlib.suppress(PeervalError):
        read_qdpx(path)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.one_of(st.binary(max_size=300), XMLISH.map(str.encode)))
def test_read_qdc_never_raises_anything_but_a_peerval_error(tmp_path, data):
    path = tmp_path / "any.qdc"
    path.write_bytes(data)
    with contextlib.suppress(PeervalError):
        read_qdc(path)


def _valid_parts():
    import tempfile
    from pathlib import Path

    from peerval.qual.refiqda import write_qdpx
    from tests.qual.project.builders import rich_project

    with tempfile.TemporaryDirectory() as folder:
        path = write_qdpx(rich_project(), Path(folder) / "p.qdpx", sidecar=False)
        with zipfile.ZipFile(path) as archive:
            return {n: archive.read(n) for n in archive.namelist()}


VALID = _valid_parts()


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    at=st.integers(min_value=0, max_value=len(VALID["project.qde"])),
    cut=st.integers(min_value=0, max_value=40),
    insert=st.text(
        alphabet=st.sampled_from(list('<>/="0123456789- abcdefPositionguid{}')), max_size=20
    ),
)
def test_a_damaged_project_qde_gives_a_project_or_a_peerval_error(tmp_path, at, cut, insert):
    qde = VALID["project.qde"]
    damaged = qde[:at] + insert.encode() + qde[at + cut :]
    path = tmp_path / "damaged.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in VALID.items():
            archive.writestr(name, damaged if name == "project.qde" else data)
    with contextlib.suppress(PeervalError):
        read_qdpx(path)
