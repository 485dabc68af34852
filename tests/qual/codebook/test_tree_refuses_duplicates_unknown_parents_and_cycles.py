import pytest

from peerval.qual.hierarchy import CodebookError
from peerval.qual.hierarchy import HierarchicalCode as C
from peerval.qual.hierarchy import HierarchicalCodebook as Book


def test_a_duplicate_id_is_refused():
    with pytest.raises(CodebookError, match="'a' appears twice"):
        Book((C("a", "A"), C("a", "Again")))


def test_an_unknown_parent_is_refused():
    with pytest.raises(CodebookError, match="unknown parent 'z'"):
        Book((C("a", "A", parent_id="z"),))


def test_a_cycle_is_refused_and_shown():
    with pytest.raises(CodebookError, match="cycle: a -> b -> a"):
        Book((C("a", "A", parent_id="b"), C("b", "B", parent_id="a")))


def test_a_bad_colour_is_refused():
    with pytest.raises(CodebookError, match="colour"):
        C("a", "A", colour="green")


def test_paths_and_depth_first_order_follow_the_tree():
    book = Book(
        (C("c", "Child", parent_id="p"), C("p", "Parent"), C("g", "Grandchild", parent_id="c"))
    )
    assert book.path("g") == ("Parent", "Child", "Grandchild")
    assert [(d, c.id) for d, c in book.depth_first()] == [(0, "p"), (1, "c"), (2, "g")]
