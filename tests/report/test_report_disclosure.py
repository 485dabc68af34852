"""In publish mode no output shows a count under the threshold for a hidden group."""

import json
import re

from .text import docx_text, html_text, pdf_pages


def outputs(out):
    return {
        "html": html_text(out / "report.html"),
        "pdf": re.sub(r"[ \t]+", " ", "\n".join(pdf_pages(out / "report.pdf"))),
        "docx": docx_text(out / "report.docx"),
        "json": (out / "results.json").read_text(encoding="utf-8"),
    }


def test_hidden_profession_counts_appear_nowhere(published, internal):
    out, _ = published
    real = json.loads((internal[0] / "results.json").read_text())
    shown = json.loads((out / "results.json").read_text())
    listed = {
        a["value"] for a in shown["respondents"]["by_attribute"] if a["attribute"] == "profession"
    }
    hidden = {"Psychiatrist", "Social worker", "Not stated", "Occupational therapist"}
    assert not hidden & listed  # merged into Other, not listed with a hidden count
    counts = {
        a["value"]: a["n"]
        for a in real["respondents"]["by_attribute"]
        if a["attribute"] == "profession"
    }
    for kind, text in outputs(out).items():
        if kind == "json":
            continue
        for value in hidden:
            for line in text.splitlines():
                if re.search(rf"\bStaff\b.*\b{re.escape(value)}\b", line):
                    assert not re.search(rf"\b{counts[value]}\b", line.split(value, 1)[1]), (
                        f"{kind}: {line!r} shows the hidden count"
                    )


def test_no_output_quotes_a_small_n(published):
    for kind, text in outputs(published[0]).items():
        assert not re.search(r"\bn = [1-4]\b", text), kind
        assert not re.search(r"\(n [1-4],", text), kind
        assert not re.search(r'"n": [1-4]\b', text), kind


def test_comparisons_never_show_a_group_the_profile_hides(published):
    data = json.loads((published[0] / "results.json").read_text())
    listed = {
        (a["respondent_group"], a["attribute"], a["value"])
        for a in data["respondents"]["by_attribute"]
        if not a["suppressed"]
    }
    assert data["comparisons"]
    for comparison in data["comparisons"]:
        for group in comparison["groups"]:
            key = (comparison["respondent_group"], comparison["attribute"], group["value"])
            assert key in listed  # the comparison's groups are the profile's shown rows
            assert group["n"] >= 5
    merged = [c for c in data["comparisons"] if c["merged_into_other"]]
    assert merged, "the demo's small professions are compared as Other"


def test_internal_reports_say_so_on_every_page(internal):
    pages = pdf_pages(internal[0] / "report.pdf")
    assert all("INTERNAL" in page for page in pages)
    assert "INTERNAL" in html_text(internal[0] / "report.html")
    assert "INTERNAL" in docx_text(internal[0] / "report.docx")
