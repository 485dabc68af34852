"""Write all three renderings of a report into a folder."""

from __future__ import annotations

from pathlib import Path

from peerval.outfiles import writable_folder

from .docx import write_docx
from .html import chart_images, write_html
from .model import Report
from .pdf import write_pdf

__all__ = ["write_reports"]


def write_reports(report: Report, out: str | Path) -> list[Path]:
    """``report.html``, ``report.pdf`` and ``report.docx`` in ``out`` (created if missing),
    each replacing an earlier one only once it is complete."""
    out = writable_folder(out)
    images = chart_images(report)  # each chart drawn once for all three
    return [
        write_html(report, out / "report.html", images),
        write_pdf(report, out / "report.pdf", images),
        write_docx(report, out / "report.docx", images),
    ]
