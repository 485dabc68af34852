"""Any bytes decode to text or raise a DataError naming the file, never a codec error."""

from hypothesis import given, settings
from hypothesis import strategies as st

from peerval.errors import DataError
from peerval.textfile import decode_text


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=120), delimiter=st.sampled_from([",", "\t", None]))
def test_any_bytes_give_text_or_a_data_error_naming_the_file(data, delimiter):
    try:
        text = decode_text(data, "any.csv", delimiter=delimiter)
    except DataError as exc:
        assert str(exc).startswith("any.csv")
        assert "codec" not in str(exc)
        return
    assert isinstance(text, str) and "\x00" not in text
