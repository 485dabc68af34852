"""Render a report as an A4 PDF (WeasyPrint): contents with page numbers, page footers,
tagged for screen readers (PDF/UA-1) with its title and language."""

from __future__ import annotations

import logging
from pathlib import Path

from peerval.outfiles import replacing

from .html import render_html
from .model import Report

__all__ = ["write_pdf"]


def write_pdf(report: Report, path: str | Path, images: dict[int, str] | None = None) -> Path:
    """Write the report as a PDF; charts are embedded as vector graphics.

    ``path`` is replaced only once the PDF is complete (:func:`peerval.outfiles.replacing`).
    """
    from weasyprint import HTML  # imported here: it takes a moment to load

    # WeasyPrint logs every CSS property it does not support at WARNING; the report's CSS
    # also serves browsers, so those messages are expected and not shown
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    path = Path(path)
    # PDF/UA-1: tagged (headings, lists, tables, figures with their alternative text), with
    # the title (the HTML's <title>) shown by readers and the language (its lang) set
    html = HTML(string=render_html(report, interactive=False, images=images))
    with replacing(path) as handle:
        html.write_pdf(handle, pdf_variant="pdf/ua-1")
    return path
