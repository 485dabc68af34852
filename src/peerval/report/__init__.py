"""Reports: one model built from the results, rendered as HTML, PDF and Word."""

from .build import build_report, report_for, report_quotes
from .docx import write_docx
from .html import render_html, write_html
from .model import Report
from .pdf import write_pdf
from .write import write_reports

__all__ = [
    "Report",
    "build_report",
    "render_html",
    "report_for",
    "report_quotes",
    "write_docx",
    "write_html",
    "write_pdf",
    "write_reports",
]
