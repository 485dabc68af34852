import pytest

from peerval.qual.codings import CodingError
from peerval.qual.modes import allows_agreement

from .builders import at, small_project


def test_suggestions_are_off_in_reflexive_thematic_analysis_until_switched_on():
    project = small_project("reflexive_thematic_analysis")
    with pytest.raises(CodingError, match="machine suggestions are off"):
        project.suggest("r1", 0, 5, "trust", model="m1")
    project.switch_suggestions(True, actor="ana", at=at(3))
    assert project.suggest("r1", 14, 20, "trust", model="m1").status == "suggested"
    assert list(project.log)[-2].kind == "suggestions_switched"


def test_content_analysis_allows_suggestions_and_agreement_from_the_start():
    project = small_project("content_analysis")
    assert project.suggestions_enabled
    assert allows_agreement("content_analysis") and not allows_agreement(
        "reflexive_thematic_analysis"
    )


def test_an_unknown_mode_is_refused():
    from peerval.qual.project import Project

    with pytest.raises(CodingError, match="mode must be one of"):
        Project.create("x", "grounded_theory", actor="ana")
