import pytest

from peerval.errors import PeervalError
from peerval.qual.codings import CodingError

from .builders import ANSWER, small_project

DOC = "su/SU001-SU/what_helps"


@pytest.mark.parametrize("start,end", [(-1, 5), (5, 5), (10, 3), (0, len(ANSWER) + 1)])
def test_an_excerpt_outside_or_empty_raises_and_logs_nothing(start, end):
    project = small_project()
    logged = len(project.log)
    with pytest.raises(CodingError) as caught:
        project.apply_code(DOC, start, end, "trust", coder="ana")
    assert isinstance(caught.value, PeervalError)
    assert f"{start}-{end}" in str(caught.value) and DOC in str(caught.value)
    assert len(project.log) == logged


def test_an_unknown_document_is_named():
    project = small_project()
    with pytest.raises(PeervalError, match="unknown document 'nope'"):
        project.apply_code("nope", 0, 1, "trust", coder="ana")
