import pytest
from lxml import etree

from peerval.demo import DEMO_CODEBOOK
from peerval.qual.hierarchy import HierarchicalCode, HierarchicalCodebook
from peerval.qual.refiqda import RefiQdaError, read_qdc, validate_codebook, write_qdc


def test_a_codebook_exported_as_qdc_validates_and_reads_back_equal(tmp_path):
    book = HierarchicalCodebook.from_themed(DEMO_CODEBOOK).changed(
        "practical_help", inclusion="Going somewhere together.", exclusion="Advice only."
    )
    path = write_qdc(book, tmp_path / "codebook.qdc")
    validate_codebook(etree.parse(str(path)))  # against the official Codebook.xsd
    again = read_qdc(path, known=book.ids)  # ids come back from the GUIDs of known codes
    assert sorted(again, key=lambda c: c.id) == sorted(book, key=lambda c: c.id)


def test_without_known_ids_names_hierarchy_and_definitions_still_come_back(tmp_path):
    book = HierarchicalCodebook.from_themed(DEMO_CODEBOOK)
    again = read_qdc(write_qdc(book, tmp_path / "codebook.qdc"))

    def shape(b):
        return sorted((c.name, c.description, c.colour, c.codable, b.path(c.id)) for c in b)

    assert shape(again) == shape(book)
    assert again.code("practical_help").name == "Practical help"  # id equal to its name's slug


def test_codes_made_elsewhere_get_ids_from_their_names(tmp_path):
    path = tmp_path / "other.qdc"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Another tool">'
        "<Codes>"
        '<Code guid="{11111111-2222-3333-4444-555555555555}" '
        'name="Hope &amp; goals" isCodable="true">'
        "<Description>Looking ahead.</Description>"
        '<Code guid="11111111-2222-3333-4444-666666666666" name="Work" isCodable="true"/>'
        "</Code></Codes></CodeBook>",
        encoding="utf-8",
    )
    book = read_qdc(path)
    assert list(book) == [
        HierarchicalCode("hope_goals", "Hope & goals", "Looking ahead."),
        HierarchicalCode("work", "Work", parent_id="hope_goals"),
    ]


def test_a_qdc_that_breaks_the_schema_is_refused(tmp_path):
    path = tmp_path / "bad.qdc"
    path.write_text(
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
        '<Code guid="not-a-guid" name="x" isCodable="true"/></Codes></CodeBook>',
        encoding="utf-8",
    )
    with pytest.raises(RefiQdaError, match="bad.qdc.*Code.*guid"):
        read_qdc(path)
