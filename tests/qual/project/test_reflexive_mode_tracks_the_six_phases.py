import pytest

from peerval.qual.codings import CodingError
from peerval.qual.modes import PHASES

from .builders import at, small_project


def test_a_new_reflexive_project_starts_in_familiarisation_and_records_each_entry():
    project = small_project("reflexive_thematic_analysis")
    assert project.current_phase == "familiarisation"
    assert project.phases[0].entered == at(0)
    for minute, phase in enumerate(PHASES[1:], start=10):
        project.enter_phase(phase, actor="ana", at=at(minute))
    project.enter_phase("reviewing_themes", actor="ben", at=at(30))  # going back is allowed
    assert [p.phase for p in project.phases] == [*PHASES, "reviewing_themes"]
    assert project.current_phase == "reviewing_themes"
    assert (project.phases[-1].by, project.phases[-1].entered) == ("ben", at(30))
    assert len(PHASES) == 6


def test_phases_belong_to_reflexive_thematic_analysis_only():
    project = small_project("content_analysis")
    assert project.current_phase is None
    with pytest.raises(CodingError, match="only in reflexive thematic analysis"):
        project.enter_phase("coding", actor="ana")


def test_an_unknown_phase_is_refused():
    project = small_project("reflexive_thematic_analysis")
    with pytest.raises(CodingError, match="phase must be one of"):
        project.enter_phase("daydreaming", actor="ana")
