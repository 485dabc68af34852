import zipfile

import pytest
from lxml import etree

from peerval.qual.projectfile import project_to_dict
from peerval.qual.refiqda import read_qdpx, validate_project, write_qdpx
from tests.qual.project.builders import rich_project


@pytest.mark.parametrize("mode", ["content_analysis", "reflexive_thematic_analysis"])
def test_export_validates_and_imports_back_equal_in_every_part(tmp_path, mode):
    project = rich_project(mode)
    path = write_qdpx(project, tmp_path / "project.qdpx")
    with zipfile.ZipFile(path) as archive:
        tree = etree.ElementTree(etree.fromstring(archive.read("project.qde")))
        sources = [n for n in archive.namelist() if n.startswith("Sources/")]
    validate_project(tree)  # against the official Project.xsd
    assert len(sources) == len(project.documents)
    imported = read_qdpx(path)
    assert imported.from_peerval_data
    assert imported.project == project
    assert project_to_dict(imported.project) == project_to_dict(project)


def test_a_project_whose_id_is_not_a_uuid_still_exports_and_comes_back(tmp_path):
    from peerval.qual.projectfile import project_from_dict

    data = project_to_dict(rich_project())
    data["id"] = "wave-2026"
    project = project_from_dict(data)
    imported = read_qdpx(write_qdpx(project, tmp_path / "p.qdpx"))
    assert imported.from_peerval_data and imported.project == project
