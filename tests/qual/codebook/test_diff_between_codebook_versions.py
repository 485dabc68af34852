from peerval.qual.codebook_diff import diff_codebooks
from peerval.qual.hierarchy import HierarchicalCode as C
from peerval.qual.hierarchy import HierarchicalCodebook as Book

OLD = Book(
    (
        C("support", "Support", codable=False),
        C("help", "Practical help", "Forms.", parent_id="support"),
        C("time", "Time"),
        C("gone", "Old code"),
    )
)
NEW = Book(
    (
        C("support", "Support", codable=False),
        C("help", "Practical help", "Forms and housing.", parent_id="support"),
        C("time", "Time with the PSW", parent_id="support"),
        C("hope", "Hope"),
    )
)


def test_the_diff_names_added_removed_renamed_moved_and_redefined_codes():
    diff = diff_codebooks(OLD, NEW)
    assert diff.added == ("hope",)
    assert diff.removed == ("gone",)
    assert diff.renamed == (("time", "Time", "Time with the PSW"),)
    assert diff.moved == (("time", None, "support"),)
    assert diff.description_changed == ("help",)
    assert not diff.is_empty
    assert diff_codebooks(NEW, NEW).is_empty
