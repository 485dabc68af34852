"""Render a report as an editable Word document (python-docx): real headings, tables, figures."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from . import charts
from .model import Callout, Figure, Heading, Items, Paragraph, Quotes, Report, Table

__all__ = ["write_docx"]

BLUE = RGBColor(0x00, 0x5E, 0xB8)


def _field(paragraph, instruction: str) -> None:
    """Insert a Word field (PAGE, TOC...) that Word fills in when the document is opened."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.extend([begin, text, separate])
    paragraph.add_run("(right-click and choose Update Field)")
    paragraph.add_run()._r.append(end)


def _table(document, table: Table) -> None:
    caption = document.add_paragraph(table.caption, style="Caption")
    caption.paragraph_format.keep_with_next = True
    grid = document.add_table(rows=1, cols=len(table.header))
    grid.style = "Light Grid Accent 1"
    for cell, text in zip(grid.rows[0].cells, table.header, strict=True):
        cell.text = text
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = str(text)
    if table.note:
        note = document.add_paragraph(table.note)
        note.runs[0].font.size = Pt(8)


def write_docx(report: Report, path: str | Path, images: dict[int, str] | None = None) -> Path:
    """Write the report as a .docx a Trust can edit (``images``: SVG data URLs by figure)."""
    document = Document()
    styles = document.styles
    styles["Normal"].font.name = "Arial"
    styles["Normal"].font.size = Pt(11)
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.0)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run(("INTERNAL: do not publish. " if report.internal else "") + "Page ")
    _field(footer, "PAGE")

    if report.internal:
        banner = document.add_paragraph()
        run = banner.add_run(
            "INTERNAL: small numbers are shown. Do not publish or share "
            "outside the evaluation team."
        )
        run.bold = True
        run.font.color.rgb = RGBColor(0xD5, 0x28, 0x1B)
    document.add_heading(report.title, level=0)
    document.add_paragraph(report.subtitle).runs[0].font.size = Pt(14)
    document.add_paragraph(report.date)
    document.add_heading("Contents", level=1)
    _field(document.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u')

    for part in report.sections:
        document.add_heading(part.title, level=1)
        for block in part.blocks:
            if isinstance(block, Paragraph):
                document.add_paragraph(block.text)
            elif isinstance(block, Heading):
                document.add_heading(block.text, level=2)
            elif isinstance(block, Items):
                for item in block.items:
                    document.add_paragraph(item, style="List Bullet")
            elif isinstance(block, Callout):
                run = document.add_paragraph().add_run(block.text)
                run.bold = True
                if block.kind == "warning":
                    run.font.color.rgb = RGBColor(0xD5, 0x28, 0x1B)
            elif isinstance(block, Table):
                _table(document, block)
            elif isinstance(block, Figure):
                title = document.add_paragraph(block.title, style="Caption")
                title.paragraph_format.keep_with_next = True
                if block.spec:
                    png = (
                        charts.svg_to_png(images[id(block)])
                        if images and id(block) in images
                        else charts.to_png(block.spec)
                    )
                    picture = document.add_picture(io.BytesIO(png), width=Cm(16))
                    _alt_text(picture, block.alt)
                _table(document, block.table)
            elif isinstance(block, Quotes):
                for quote in block.quotes:
                    document.add_paragraph(
                        f"\u201c{quote.text}\u201d \u2014 {quote.source}", style="Quote"
                    )
    document.add_paragraph(report.disclosure).runs[0].font.size = Pt(8)
    path = Path(path)
    document.save(path)
    return path


def _alt_text(picture, text: str) -> None:
    """Set the picture's description, which screen readers announce."""
    properties = picture._inline.docPr
    properties.set("descr", text)
    properties.set("title", text[:100])
