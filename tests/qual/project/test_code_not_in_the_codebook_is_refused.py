import pytest

from peerval.errors import DataError

from .builders import small_project

DOC = "su/SU001-SU/what_helps"


def test_an_unknown_code_raises_a_data_error_naming_it():
    project = small_project()
    with pytest.raises(DataError, match="unknown code 'kindness'"):
        project.apply_code(DOC, 0, 5, "kindness", coder="ana")
    assert project.codings() == []


def test_a_grouping_code_cannot_be_applied_to_text():
    project = small_project()
    with pytest.raises(DataError, match="groups other codes"):
        project.apply_code(DOC, 0, 5, "support", coder="ana")


def test_a_code_in_use_cannot_be_removed():
    project = small_project()
    project.apply_code(DOC, 0, 5, "trust", coder="ana")
    with pytest.raises(DataError, match="used by 1 coding"):
        project.remove_code("trust", actor="ana")
    assert "trust" in project.codebook
