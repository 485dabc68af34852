import json

import pytest

from peerval.errors import DataError
from peerval.qual.projectfile import load_project, project_to_dict

from .builders import rich_project


def test_invalid_json_names_the_file_and_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "format": \n}', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_project(path)
    assert "broken.json" in str(caught.value) and "line 3" in str(caught.value)


def test_a_file_of_another_kind_is_refused(tmp_path):
    path = tmp_path / "other.json"
    path.write_text('{"name": "x"}', encoding="utf-8")
    with pytest.raises(DataError, match="not a peerval project file"):
        load_project(path)


def test_a_log_that_does_not_replay_names_the_event(tmp_path):
    data = project_to_dict(rich_project())
    data["events"][0]["data"]["code"]["parent_id"] = "missing"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_project(path)
    assert "bad.json" in str(caught.value)
    assert "event 1 (code_created)" in str(caught.value) and "missing" in str(caught.value)
