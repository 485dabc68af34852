import pytest

from peerval.qual.codings import CodingError
from peerval.qual.hierarchy import HierarchicalCode as C
from peerval.qual.hierarchy import HierarchicalCodebook as Book
from peerval.qual.project import Project

from .test_diff_between_codebook_versions import NEW, OLD


def test_adopting_a_codebook_logs_each_change_and_ends_equal_to_it():
    project = Project.create("Wave 2", actor="ana")
    project.create_codes(OLD, actor="ana")
    project.save_codebook_version("wave 1", actor="ana")
    diff = project.adopt_codebook(NEW, actor="ana")
    assert sorted(project.codebook, key=lambda c: c.id) == sorted(NEW, key=lambda c: c.id)
    kinds = [e.kind for e in project.log][len(OLD) + 1 :]
    assert sorted(kinds) == sorted(
        ["code_created", "code_moved", "code_renamed", "code_edited", "code_removed"]
    )
    (version,) = project.codebook_versions
    assert version.label == "wave 1" and version.codebook == OLD
    assert diff.removed == ("gone",)


def test_swapping_parent_and_child_does_not_make_a_cycle_on_the_way():
    project = Project.create("x", actor="ana")
    project.create_codes(Book((C("a", "A"), C("b", "B", parent_id="a"))), actor="ana")
    project.adopt_codebook(Book((C("b", "B"), C("a", "A", parent_id="b"))), actor="ana")
    assert project.codebook.code("a").parent_id == "b"
    assert project.codebook.code("b").parent_id is None


def test_a_removed_code_still_in_use_stops_the_adoption():
    project = Project.create("x", actor="ana")
    project.create_codes(Book((C("a", "A"),)), actor="ana")
    from peerval.qual.documents import Document

    project.add_document(Document("d", "d", "some text"))
    project.apply_code("d", 0, 4, "a", coder="ana")
    with pytest.raises(CodingError, match="used by 1 coding"):
        project.adopt_codebook(Book((C("b", "B"),)), actor="ana")


def test_saving_two_versions_with_one_label_is_refused():
    project = Project.create("x", actor="ana")
    project.save_codebook_version("v1", actor="ana")
    with pytest.raises(CodingError, match="already called 'v1'"):
        project.save_codebook_version("v1", actor="ana")
