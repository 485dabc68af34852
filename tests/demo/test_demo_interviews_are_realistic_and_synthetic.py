import pytest

from peerval.demo import demo_project, generate_demo


@pytest.fixture(scope="module")
def project():
    return demo_project(generate_demo())


@pytest.mark.parametrize(
    "document_id,speakers",
    [
        ("interview-su07", {"Interviewer", "Participant 07"}),
        ("interview-st12", {"Interviewer", "S12"}),
    ],
)
def test_each_interview_is_a_long_exchange_of_turns_between_two_people(
    project, document_id, speakers
):
    document = project.documents[document_id]
    words = len(document.text.split())
    assert 1500 <= words <= 2500, words
    assert {t.speaker for t in document.turns} == speakers
    assert len(document.turns) >= 30
    assert document.case_id and project.cases[document.case_id].attributes["setting"].startswith(
        "Inpatient rehabilitation"
    )


def test_the_teams_interview_keeps_its_recording_times(project):
    turns = project.documents["interview-su07"].turns
    assert all(t.begins_at is not None and t.ends_at is not None for t in turns)
    assert [t.begins_at for t in turns] == sorted(t.begins_at for t in turns)
    assert turns[-1].ends_at > 600  # a ten-minute-plus conversation


def test_the_same_demo_gives_the_same_project(project):
    assert demo_project(generate_demo()) == project
