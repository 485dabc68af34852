"""A report that cannot be written whole (a full disk) leaves the previous file byte for
byte, and no partial file beside it, in each of the three formats."""

from __future__ import annotations

import pytest

from peerval.errors import PeervalError
from peerval.report.docx import write_docx
from peerval.report.html import write_html
from peerval.report.pdf import write_pdf
from tests.outfiles.disk import FAILURES, only

from .small import small_report

WRITERS = {"report.html": write_html, "report.pdf": write_pdf, "report.docx": write_docx}


@pytest.mark.parametrize("failure", FAILURES.values(), ids=FAILURES.keys())
@pytest.mark.parametrize("name", WRITERS)
def test_a_failed_write_keeps_the_previous_report_and_leaves_nothing_else(
    tmp_path, monkeypatch, name, failure
):
    target = tmp_path / name
    target.write_bytes(b"the previous report")
    report = small_report()
    failure(monkeypatch)
    with pytest.raises(PeervalError, match=f"{name}: not written: No space left on device"):
        WRITERS[name](report, target)
    monkeypatch.undo()
    assert only(tmp_path) == [name]
    assert target.read_bytes() == b"the previous report"
