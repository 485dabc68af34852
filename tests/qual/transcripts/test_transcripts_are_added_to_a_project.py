import pytest

from peerval.errors import PeervalError
from peerval.qual.project import Project
from peerval.qual.transcripts import add_transcripts


def test_transcripts_become_documents_with_a_case_each(data):
    project = Project.create("Interviews", "reflexive_thematic_analysis", actor="ana")
    added = add_transcripts(project, [data / "teams.vtt", data / "interview.txt"], case_ids=["ME"])
    assert [d.id for d in added] == ["teams", "interview"]
    assert project.documents["teams"].case_id == "ME"
    assert project.documents["interview"].case_id == "interview"
    assert set(project.cases) == {"ME", "interview"}


def test_a_bad_file_adds_nothing(data):
    project = Project.create("Interviews", actor="ana")
    with pytest.raises(PeervalError):
        add_transcripts(project, [data / "teams.vtt", data / "bad_timing.vtt"])
    assert project.documents == {} and project.cases == {}


def test_the_same_transcript_twice_is_refused(data):
    project = Project.create("Interviews", actor="ana")
    add_transcripts(project, [data / "zoom.vtt"])
    with pytest.raises(PeervalError, match="already has a document 'zoom'"):
        add_transcripts(project, [data / "zoom.vtt"])
