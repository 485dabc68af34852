"""A project file nested thousands deep is refused naming the file and line, never a
RecursionError."""

import pytest

from peerval.qual.projectfile import ProjectFileError, load_project


def test_a_project_file_nested_too_deep_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "deep.peerval"
    path.write_text('{"a":' * 5000 + "1" + "}" * 5000, encoding="utf-8")
    with pytest.raises(ProjectFileError) as caught:
        load_project(path)
    assert caught.value.location.file == str(path)
    assert caught.value.location.line == 1
    assert "nested more than" in caught.value.message


def test_a_project_file_that_is_not_json_says_so(tmp_path):
    path = tmp_path / "broken.peerval"
    path.write_text('{"documents": [}', encoding="utf-8")
    with pytest.raises(ProjectFileError, match="invalid JSON"):
        load_project(path)
