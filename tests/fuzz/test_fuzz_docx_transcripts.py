"""Any .docx transcript (random bytes, a damaged document, a zip bomb) gives a document or a
PeervalError within the bound."""

from __future__ import annotations

import io
import zipfile

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerval.qual.documents import Document
from peerval.qual.transcripts.word import read_docx
from tests.archives.bombs import MIB, declare_sizes, write_zip
from tests.fuzz.bounds import read_within
from tests.fuzz.mutations import damaged

FUZZ = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _document() -> bytes:
    document = docx.Document()
    document.add_paragraph("Ana Silva   0:03")
    document.add_paragraph("Thanks for joining me today.")
    document.add_paragraph("Sam Jones   0:09")
    document.add_paragraph("Glad to help.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


VALID = _document()


def _read(path):
    outcome = read_within(lambda: read_docx(path))
    assert isinstance(outcome, Document | Exception)
    return outcome


@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes(tmp_path, data):
    path = tmp_path / "random.docx"
    path.write_bytes(data)
    _read(path)


@FUZZ
@given(data=damaged(VALID))
def test_a_damaged_document(tmp_path, data):
    path = tmp_path / "damaged.docx"
    path.write_bytes(data)
    _read(path)


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(declared=st.integers(0, 2**32 - 1))
def test_the_document_part_lies_about_its_size(tmp_path, declared):
    path = tmp_path / "liar.docx"
    path.write_bytes(VALID)
    declare_sizes(path, {"word/document.xml": declared})
    _read(path)


def test_a_zip_bomb_inside_a_document(tmp_path):
    with zipfile.ZipFile(io.BytesIO(VALID)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["word/document.xml"] += b" " * (64 * MIB)
    assert isinstance(_read(write_zip(tmp_path / "bomb.docx", members)), Exception)
