"""Render a report as an editable Word document (python-docx): real headings, tables, figures.

The document says what it is (title, subject, author, created, language), opens with a
written contents list linking to each section, repeats each table's header row on every
page the table spans, and gives every figure alternative text.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from peerval.outfiles import write_bytes

from . import charts
from .model import Callout, Figure, Heading, Items, Paragraph, Quotes, Report, Table

__all__ = ["write_docx"]

BLUE = RGBColor(0x00, 0x5E, 0xB8)
#: the language the report is written in (as the HTML's ``lang`` says)
LANGUAGE = "en-GB"


def _field(paragraph, instruction: str, shown: str) -> None:
    """Insert a Word field (PAGE, NUMPAGES) showing ``shown`` until Word lays out the page."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.extend([begin, text, separate])
    paragraph.add_run(shown)
    paragraph.add_run()._r.append(end)


def _properties(document, report: Report) -> None:
    """Title, author, dates and language, as Word's File > Info and screen readers show them."""
    now = datetime.now(UTC).replace(microsecond=0)
    properties = document.core_properties
    properties.title = report.title
    properties.subject = report.subtitle
    properties.author = properties.last_modified_by = _author(report)
    properties.created = properties.modified = now
    properties.revision = 1
    properties.language = LANGUAGE
    properties.keywords = "peer support; evaluation"
    properties.category = "Evaluation report"
    properties.comments = report.disclosure
    properties.content_status = "INTERNAL: do not publish" if report.internal else ""
    # the language of the text itself, for spelling and for screen readers' voices
    defaults = document.styles.element.find(qn("w:docDefaults"))
    language = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    language.set(qn("w:val"), LANGUAGE)


def _author(report: Report) -> str:
    """Who the report is from: the organisation, or else the evaluation's name (which
    usually names the Trust)."""
    return report.organisation or report.title


def _bookmark(paragraph, name: str, number: int) -> None:
    """Mark a paragraph (a heading) as a place that links can go to."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    properties = paragraph._p.pPr
    if properties is None:
        paragraph._p.insert(0, start)
    else:
        properties.addnext(start)
    paragraph._p.append(end)


def _link(paragraph, text: str, bookmark: str) -> None:
    """Add ``text`` to a paragraph as a link to a bookmark in the document."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), bookmark)
    link.set(qn("w:history"), "1")
    run = OxmlElement("w:r")
    look = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), str(BLUE))
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    look.extend([colour, underline])
    words = OxmlElement("w:t")
    words.set(qn("xml:space"), "preserve")
    words.text = text
    run.extend([look, words])
    link.append(run)
    paragraph._p.append(link)


def _contents(document, report: Report) -> list[str]:
    """The contents: each section's title as a link to its heading, written out in full so
    that Word and LibreOffice show it as it is (no field to update, no page numbers, which
    change as a Trust edits). Returns each section's bookmark name."""
    document.add_heading("Contents", level=1)
    bookmarks = []
    for number, part in enumerate(report.sections, start=1):
        bookmark = f"_Section{number}"
        entry = document.add_paragraph()
        entry.paragraph_format.space_after = Pt(4)
        _link(entry, part.title, bookmark)
        bookmarks.append(bookmark)
    return bookmarks


def _header_row(row) -> None:
    """Mark a table row as the header, repeated at the top of every page the table spans."""
    properties = row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    properties.append(repeat)


def _whole_row(row) -> None:
    """Keep a table row on one page."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _table(document, table: Table) -> None:
    caption = document.add_paragraph(table.caption, style="Caption")
    caption.paragraph_format.keep_with_next = True
    grid = document.add_table(rows=1, cols=len(table.header))
    grid.style = "Light Grid Accent 1"
    _header_row(grid.rows[0])
    for cell, text in zip(grid.rows[0].cells, table.header, strict=True):
        cell.text = text
    for row in table.rows:
        added = grid.add_row()
        _whole_row(added)
        for cell, text in zip(added.cells, row, strict=True):
            cell.text = str(text)
    if table.note:
        note = document.add_paragraph(table.note)
        note.runs[0].font.size = Pt(8)


def write_docx(report: Report, path: str | Path, images: dict[int, str] | None = None) -> Path:
    """Write the report as a .docx a Trust can edit (``images``: SVG data URLs by figure);
    ``path`` is replaced only once the file is complete."""
    document = Document()
    _properties(document, report)
    styles = document.styles
    styles["Normal"].font.name = "Arial"
    styles["Normal"].font.size = Pt(11)
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.0)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run(("INTERNAL: do not publish. " if report.internal else "") + "Page ")
    _field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES", "1")

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
    bookmarks = _contents(document, report)

    for number, (part, bookmark) in enumerate(zip(report.sections, bookmarks, strict=True)):
        _bookmark(document.add_heading(part.title, level=1), bookmark, number)
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
    # the policy is the appendix's last paragraph already
    document.add_paragraph("Produced with peerval.").runs[0].font.size = Pt(8)
    # built in memory, then written whole: python-docx leaves its zip archive open when
    # the file under it fails, so it never writes the file on disk itself
    built = io.BytesIO()
    document.save(built)
    return write_bytes(path, built.getvalue())


def _alt_text(picture, text: str) -> None:
    """Set the picture's description, which screen readers announce."""
    properties = picture._inline.docPr
    properties.set("descr", text)
    properties.set("title", text[:100])
