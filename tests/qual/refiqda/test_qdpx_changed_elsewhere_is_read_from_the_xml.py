import zipfile

from peerval.qual.refiqda import read_qdpx, write_qdpx
from tests.qual.project.builders import rich_project

from .helpers import rewrite


def test_a_code_renamed_in_another_tool_wins_over_peervals_own_data(tmp_path):
    project = rich_project()
    path = write_qdpx(project, tmp_path / "project.qdpx")
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("project.qde")
    edited = rewrite(
        path,
        tmp_path / "edited.qdpx",
        {"project.qde": xml.replace(b'name="Trust"', b'name="Trust in the worker"')},
    )
    imported = read_qdpx(edited)
    assert not imported.from_peerval_data
    names = {c.name for c in imported.project.codebook}
    assert "Trust in the worker" in names and "Trust" not in names
    assert len(imported.project.codings()) == len(project.codings())


def test_a_source_text_changed_elsewhere_also_drops_peervals_own_data(tmp_path):
    project = rich_project()
    path = write_qdpx(project, tmp_path / "project.qdpx")
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.startswith("Sources/"))
        text = archive.read(name)
    edited = rewrite(path, tmp_path / "edited.qdpx", {name: text + b" Added later."})
    assert not read_qdpx(edited).from_peerval_data
