from peerval.qual.events import EventLog
from peerval.qual.project import Project

from .builders import ANSWER, at, small_project


def test_replaying_the_log_gives_the_same_codings_as_the_live_project():
    project = small_project()
    project.apply_code("su/SU001-SU/what_helps", 0, 10, "trust", coder="ana", at=at(5))
    project.apply_code("su/SU001-SU/what_helps", 11, 20, "practical_help", coder="ben", at=at(6))
    rebuilt = Project(
        project.id,
        project.name,
        project.mode,
        project.created,
        project.cases,
        project.documents,
        EventLog(list(project.log)),
    )
    assert rebuilt.codings() == project.codings()
    assert [c.coder for c in rebuilt.codings()] == ["ana", "ben"]


def test_each_event_says_who_did_what_and_when():
    project = small_project()
    coding = project.apply_code("su/SU001-SU/what_helps", 0, 3, "trust", coder="ben", at=at(9))
    event = list(project.log)[-1]
    assert (event.kind, event.actor, event.at) == ("coding_applied", "ben", at(9))
    assert event.data["coding"]["id"] == coding.id
    assert coding.text == ANSWER[:3]


def test_state_at_an_earlier_event_shows_the_analysis_as_it_was():
    project = small_project()
    project.apply_code("su/SU001-SU/what_helps", 0, 3, "trust", coder="ben", at=at(9))
    before = len(project.log)
    project.rename_code("trust", "Trust in the PSW", actor="ana", at=at(10))
    assert project.state_at(before).codebook.code("trust").name == "Trust"
    assert project.codebook.code("trust").name == "Trust in the PSW"
