import json

import pytest

from peerval.qual.projectfile import load_project, project_to_dict, save_project

from .builders import rich_project


@pytest.mark.parametrize("mode", ["content_analysis", "reflexive_thematic_analysis"])
def test_a_saved_project_loads_back_equal_in_every_part(tmp_path, mode):
    project = rich_project(mode)
    path = save_project(project, tmp_path / "project.json")
    loaded = load_project(path)
    assert loaded == project
    assert project_to_dict(loaded) == project_to_dict(project)
    assert loaded.codebook == project.codebook
    assert loaded.codings() == project.codings()
    assert loaded.suggestions() == project.suggestions()
    assert loaded.memos == project.memos
    assert loaded.phases == project.phases
    assert loaded.codebook_versions == project.codebook_versions


def test_the_file_is_plain_json_with_the_log_and_a_readable_summary(tmp_path):
    path = save_project(rich_project(), tmp_path / "project.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "peerval-qualitative-project"
    assert [e["kind"] for e in data["events"]][:2] == ["code_created", "code_created"]
    assert {c["code_id"] for c in data["summary"]["codings"]} == {
        "practical_help",
        "trust",
        "lived_experience",
    }
    assert not (tmp_path / "project.json.partial").exists()
