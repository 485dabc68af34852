"""The three renderings exist, open, have their sections in order and look like documents."""

import re

from docx import Document

from peerval.report.model import Report

from .text import html_text, pdf_pages

SECTIONS = [
    "Summary",
    "Background",
    "Method",
    "Quantitative results",
    "Themes",
    "What works",
    "Recommendations (draft)",
    "Appendix: instruments, scoring and disclosure",
]


def test_demo_writes_all_three_reports(published):
    out, _ = published
    for name in ("report.html", "report.pdf", "report.docx", "results.json"):
        assert (out / name).stat().st_size > 10_000, name


def test_the_pdf_has_the_sections_in_the_nhs_order(published):
    pages = pdf_pages(published[0] / "report.pdf")
    assert len(pages) > 10
    body = pages[2:]  # after the cover and contents
    first_page = []
    for title in SECTIONS:
        found = [
            i
            for i, text in enumerate(body)
            if re.search(rf"^{re.escape(title)}\s*$", text, re.MULTILINE)
        ]
        assert found, f"section {title!r} is not a heading on any page"
        first_page.append(found[0])
    assert first_page == sorted(first_page)
    assert "Contents" in pages[1]


def test_the_pdf_has_page_numbers(published):
    pages = pdf_pages(published[0] / "report.pdf")
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {total}" in text


def test_pdf_pages_render_to_images_that_are_not_blank(published):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(published[0] / "report.pdf")
    for index in (0, 2, len(pdf) // 2, len(pdf) - 1):
        image = pdf[index].render(scale=1.0).to_pil().convert("L")
        low, high = image.getextrema()
        histogram = image.histogram()
        inked = sum(histogram[:200]) / sum(histogram)  # share of pixels that are not paper
        assert high - low > 100 and inked > 0.005, f"page {index + 1} looks blank"


def test_the_docx_opens_with_real_headings_tables_and_figures(published):
    document = Document(published[0] / "report.docx")
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Contents", *SECTIONS]
    assert len(document.tables) > 10
    assert len(document.inline_shapes) >= 3
    for shape in document.inline_shapes:
        assert shape._inline.docPr.get("descr"), "every figure has alt text"


def test_the_html_is_self_contained_and_accessible(published):
    html = (published[0] / "report.html").read_text(encoding="utf-8")
    assert '<html lang="en-GB">' in html
    assert not re.search(r'(src|href)="https?://', html), "nothing is fetched from the web"
    page = html.split("<script>", 1)[0]  # the document, without the charting library
    images = re.findall(r"<img [^>]*>", page)
    assert images and all(re.search(r'alt="[^"]{20,}"', img) for img in images)
    figures = page.count('<figure class="chart">')
    assert figures == page.count("Data table for this chart") >= 3
    assert page.count("<h2") == len(SECTIONS) + 1  # sections and the contents
    assert "window.vegaEmbed" in html  # charts can be explored


def test_html_pdf_and_docx_carry_the_same_headline_numbers(published):
    out, _ = published
    html = html_text(out / "report.html")
    pdf = "\n".join(pdf_pages(out / "report.pdf"))
    from .text import docx_text

    docx = docx_text(out / "report.docx")
    sentence = (
        "70 people took part in this evaluation of peer support: 32 service users and 38 staff."
    )
    for text in (html, docx):
        assert sentence in text
    assert sentence in re.sub(r"\s+", " ", pdf)


def test_the_report_model_is_plain_data(published):
    assert Report.__dataclass_fields__.keys() >= {"title", "sections", "internal"}
