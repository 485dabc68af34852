"""Excel's "Unicode Text" (UTF-16 with a byte-order mark, tab-separated) saved as a .csv or
.txt is read as the table it is, instead of as one column reported as every required item
having no column; UTF-16 without a byte-order mark is named, with how to re-save it."""

import codecs

import pytest

from peerval.errors import DataError
from peerval.ingest import import_table
from peerval.instruments import get_instrument

ROWS = [
    ["response_id", "care_group", "valued_member", "helps_recovery"],
    ["r1", "Acute and inpatient", "Agree", "Strongly agree"],
    ["r2", "Older adults", "Disagree", "Agree"],
]


def _unicode_text(rows: list[list[str]], encoding: str = "utf-16-le") -> bytes:
    """Rows as Excel's "Unicode Text" saves them: tabs, CRLF, UTF-16 with a byte-order mark."""
    text = "".join("\t".join(row) + "\r\n" for row in rows)
    bom = codecs.BOM_UTF16_LE if encoding == "utf-16-le" else codecs.BOM_UTF16_BE
    return bom + text.encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("name", ["responses.csv", "responses.txt"])
def test_a_tab_separated_utf16_file_is_read_as_the_table_it_is(tmp_path, encoding, name):
    path = tmp_path / name
    path.write_bytes(_unicode_text(ROWS, encoding))
    responses = import_table(path, get_instrument("staff-psw-survey"), wave="w1")
    assert sorted(responses.respondents["response_id"]) == ["r1", "r2"]
    values = responses.answers.set_index(["response_id", "item_id"])["value"]
    assert values[("r1", "helps_recovery")] == 5  # Strongly agree


def test_a_comma_separated_utf16_csv_with_a_byte_order_mark_is_imported(tmp_path):
    path = tmp_path / "responses.csv"
    text = "".join(",".join(row) + "\r\n" for row in ROWS)
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    responses = import_table(path, get_instrument("staff-psw-survey"), wave="w1")
    assert sorted(responses.respondents["response_id"]) == ["r1", "r2"]
    values = responses.answers.set_index(["response_id", "item_id"])["value"]
    assert values[("r2", "valued_member")] == 2  # Disagree


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_named_with_how_to_save_it(tmp_path, encoding):
    path = tmp_path / "responses.csv"
    path.write_bytes("".join("\t".join(row) + "\r\n" for row in ROWS).encode(encoding))
    with pytest.raises(DataError) as caught:
        import_table(path, get_instrument("staff-psw-survey"), wave="w1")
    assert str(caught.value).startswith(str(path))
    assert "UTF-16 text without a byte-order mark" in caught.value.message
    assert '"CSV UTF-8"' in caught.value.message
