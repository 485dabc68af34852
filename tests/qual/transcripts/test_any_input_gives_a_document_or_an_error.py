"""Any bytes given to the transcript readers give a document or a PeervalError, nothing else."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerval.errors import PeervalError
from peerval.qual.transcripts import read_transcript

SAMPLES = st.sampled_from(
    [
        "WEBVTT\n\n",
        "1\n",
        "00:00:01.000 --> 00:00:02.000\n",
        "00:00:01,000 --> 00:00:02,000\n",
        "<v A>hi</v>\n",
        "Interviewer: hello\n",
        "\n",
        "P1:",
        "Name   0:03\n",
        "-->",
    ]
)
TEXTY = st.lists(st.one_of(SAMPLES, st.text(max_size=12)), max_size=12).map("".join)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    suffix=st.sampled_from([".txt", ".vtt", ".srt", ".docx"]),
    data=st.one_of(st.binary(max_size=200), TEXTY.map(lambda t: t.encode("utf-8"))),
)
def test_every_reader_gives_a_document_or_a_peerval_error(tmp_path, suffix, data):
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    try:
        document = read_transcript(path)
    except PeervalError:
        return
    assert document.turns and all(
        0 <= t.start <= t.end <= len(document.text) for t in document.turns
    )
