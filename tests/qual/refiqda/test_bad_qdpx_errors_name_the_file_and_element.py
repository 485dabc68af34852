import zipfile

import pytest

from peerval.errors import PeervalError
from peerval.qual.refiqda import RefiQdaError, read_qdpx, write_qdpx
from tests.qual.project.builders import rich_project

from .helpers import rewrite


@pytest.fixture
def good(tmp_path):
    return write_qdpx(rich_project(), tmp_path / "good.qdpx", sidecar=False)


def qde_text(path):
    with zipfile.ZipFile(path) as archive:
        return archive.read("project.qde")


def test_a_file_that_is_not_a_zip(tmp_path):
    path = tmp_path / "notes.qdpx"
    path.write_text("just some notes", encoding="utf-8")
    with pytest.raises(RefiQdaError, match="notes.qdpx: not a .qdpx"):
        read_qdpx(path)


def test_a_zip_without_project_qde(tmp_path, good):
    path = rewrite(good, tmp_path / "empty.qdpx", {"project.qde": None})
    with pytest.raises(RefiQdaError, match="empty.qdpx: the file holds no project.qde"):
        read_qdpx(path)


def test_schema_invalid_xml_names_the_element_and_line(tmp_path, good):
    xml = qde_text(good).replace(b"<Users>", b"<Users><Stranger/>", 1)
    path = rewrite(good, tmp_path / "invalid.qdpx", {"project.qde": xml})
    with pytest.raises(RefiQdaError) as caught:
        read_qdpx(path)
    message = str(caught.value)
    assert "invalid.qdpx (project.qde), line" in message
    assert "element /Project/Users" in message and "Stranger" in message


def test_a_coding_outside_its_source_names_the_selection(tmp_path, good):
    xml = qde_text(good)
    start = xml.index(b'endPosition="') + len(b'endPosition="')
    end = xml.index(b'"', start)
    path = rewrite(
        good, tmp_path / "outside.qdpx", {"project.qde": xml[:start] + b"99999" + xml[end:]}
    )
    with pytest.raises(RefiQdaError) as caught:
        read_qdpx(path)
    message = str(caught.value)
    assert "outside.qdpx" in message and "PlainTextSelection" in message
    assert "lie outside the source" in message


def test_a_missing_source_text_names_the_source(tmp_path, good):
    with zipfile.ZipFile(good) as archive:
        source = next(n for n in archive.namelist() if n.startswith("Sources/"))
    path = rewrite(good, tmp_path / "nosource.qdpx", {source: None})
    with pytest.raises(RefiQdaError, match="TextSource .* is not in the file"):
        read_qdpx(path)


def test_malformed_xml_is_a_peerval_error_with_a_line(tmp_path, good):
    path = rewrite(good, tmp_path / "broken.qdpx", {"project.qde": b"<Project>\n<oops"})
    with pytest.raises(PeervalError, match=r"broken.qdpx \(project.qde\), line 2"):
        read_qdpx(path)
