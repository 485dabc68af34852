import pytest

from peerval.qual.codings import CodingError

from .builders import at, rich_project, small_project

DOC = "su/SU001-SU/what_helps"


def test_a_pending_suggestion_is_not_a_coding():
    project = small_project()
    project.suggest(DOC, 0, 10, "trust", model="m1", confidence=0.8, at=at(5))
    assert project.codings() == []
    assert [s.status for s in project.suggestions()] == ["suggested"]


def test_accepted_suggestions_count_but_keep_their_provenance():
    project = rich_project()
    machine = [c for c in project.codings() if not c.is_human]
    assert len(machine) == 1
    (accepted,) = machine
    assert (accepted.model, accepted.confidence, accepted.status) == ("tfidf-v1", 0.91, "accepted")
    assert accepted.reviewed_by == "ben"
    assert all(c.is_human for c in project.codings(include_suggestions=False))
    assert len(project.codings(include_suggestions=False)) == len(project.codings()) - 1


def test_rejected_suggestions_are_kept_but_never_in_force():
    project = rich_project()
    (rejected,) = project.suggestions("rejected")
    assert rejected.id not in {c.id for c in project.codings()}
    assert rejected.reviewed_by == "ana"


def test_a_suggestion_cannot_be_removed_like_a_coding_nor_a_coding_accepted():
    project = small_project()
    suggestion = project.suggest(DOC, 0, 10, "trust", model="m1", at=at(5))
    coding = project.apply_code(DOC, 0, 10, "trust", coder="ana", at=at(6))
    with pytest.raises(CodingError, match="reject it instead"):
        project.remove_coding(suggestion.id, actor="ana")
    with pytest.raises(CodingError, match="not a suggestion"):
        project.accept(coding.id, actor="ana")
