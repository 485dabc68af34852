import pytest

from peerval.demo import DEMO_CODEBOOK
from peerval.qual.codebook import Code, Codebook, Theme
from peerval.qual.hierarchy import VALENCE_COLOURS, CodebookError, HierarchicalCodebook


def test_each_theme_becomes_a_parent_code_over_its_codes_with_ids_kept():
    book = HierarchicalCodebook.from_themed(DEMO_CODEBOOK)
    assert [c.id for c in book.roots()] == [t.id for t in DEMO_CODEBOOK.themes]
    for theme in DEMO_CODEBOOK.themes:
        parent = book.code(theme.id)
        assert (parent.name, parent.description, parent.codable) == (
            theme.title,
            theme.description,
            False,
        )
        assert [c.id for c in book.children(theme.id)] == [c.id for c in theme.codes]
    code = book.code("not_enough_time")
    assert code.name == "Not enough time" and code.colour == VALENCE_COLOURS["concern"]
    assert book.code("practical_help").colour == VALENCE_COLOURS["positive"]


def test_a_theme_sharing_an_id_with_a_code_is_refused():
    book = Codebook("x", "1", (Theme("time", "Time", "", (Code("time", "Time", ""),)),))
    with pytest.raises(CodebookError, match="theme 'time' has the id of a code"):
        HierarchicalCodebook.from_themed(book)
