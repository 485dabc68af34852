import pytest

from peerval.qual.codings import CodingError

from .builders import at, small_project

DOC = "su/SU001-SU/what_helps"


def test_undo_of_a_coding_removes_it_but_keeps_both_events():
    project = small_project()
    coding = project.apply_code(DOC, 0, 10, "trust", coder="ana", at=at(5))
    logged = len(project.log)
    event = project.undo("ana", at=at(6))
    assert project.codings() == []
    assert len(project.log) == logged + 1
    assert event.kind == "coding_removed" and event.undoes == logged
    assert project.log[logged].data["coding"]["id"] == coding.id  # the original is still there


def test_undo_only_undoes_the_actors_own_latest_action():
    project = small_project()
    mine = project.apply_code(DOC, 0, 10, "trust", coder="ana", at=at(5))
    project.apply_code(DOC, 11, 20, "trust", coder="ben", at=at(6))
    project.undo("ana", at=at(7))
    assert [c.coder for c in project.codings()] == ["ben"]
    assert mine.id not in {c.id for c in project.codings()}


def test_repeated_undo_walks_back_through_renames_and_removals():
    project = small_project()
    coding = project.apply_code(DOC, 0, 10, "trust", coder="ana", at=at(5))
    project.rename_code("trust", "Trust in the PSW", actor="ana", at=at(6))
    project.remove_coding(coding.id, actor="ana", at=at(7))
    project.undo("ana", at=at(8))  # the removal
    assert [c.id for c in project.codings()] == [coding.id]
    project.undo("ana", at=at(9))  # the rename
    assert project.codebook.code("trust").name == "Trust"
    project.undo("ana", at=at(10))  # the coding
    assert project.codings() == []


def test_undo_of_an_accepted_suggestion_reopens_it():
    project = small_project()
    suggestion = project.suggest(DOC, 0, 10, "trust", model="m1", confidence=0.7, at=at(5))
    project.accept(suggestion.id, actor="ana", at=at(6))
    project.undo("ana", at=at(7))
    assert project.coding(suggestion.id).status == "suggested"
    assert project.coding(suggestion.id).reviewed_by is None


def test_nothing_to_undo_is_a_clear_error():
    project = small_project()
    with pytest.raises(CodingError, match="ben has nothing to undo"):
        project.undo("ben")
