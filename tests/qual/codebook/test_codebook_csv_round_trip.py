from peerval.demo import DEMO_CODEBOOK
from peerval.qual.codebook_csv import read_codebook_csv, write_codebook_csv
from peerval.qual.hierarchy import HierarchicalCode, HierarchicalCodebook


def test_a_codebook_written_as_csv_reads_back_equal(tmp_path):
    book = HierarchicalCodebook.from_themed(DEMO_CODEBOOK).with_code(
        HierarchicalCode(
            "kind_words",
            'Kind words, "quoted"',
            "Line one\nline two",
            inclusion="Praise, thanks",
            exclusion="Complaints",
            parent_id="empathy",
        )
    )
    path = write_codebook_csv(book, tmp_path / "codebook.csv")
    again = read_codebook_csv(path)
    assert sorted(again, key=lambda c: c.id) == sorted(book, key=lambda c: c.id)
    assert path.read_text(encoding="utf-8").splitlines()[0] == (
        "id,name,description,inclusion,exclusion,parent_id,colour,codable"
    )


def test_optional_columns_may_be_left_out(tmp_path):
    path = tmp_path / "short.csv"
    path.write_text("id,name,parent_id\nsupport,Support,\nhelp,Help,support\n", encoding="utf-8")
    book = read_codebook_csv(path)
    assert book == HierarchicalCodebook(
        (
            HierarchicalCode("support", "Support"),
            HierarchicalCode("help", "Help", parent_id="support"),
        )
    )
