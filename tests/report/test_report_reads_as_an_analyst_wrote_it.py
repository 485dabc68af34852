"""The demo report reads as a careful analyst would write it for a Trust board.

Each test names a problem a reader found in an earlier report: scale ids where titles
belong, one theme listed twice, a favourable figure framed as a problem, the disclosure
paragraph twice, the same sentence quoted under two themes, chart labels cut mid-word,
short sections alone on a page, and rows of licensed item numbers.
"""

from __future__ import annotations

import json
import re

from peerval.demo import DEMO_CODEBOOK, generate_demo
from peerval.demo.phrases import PHRASES
from peerval.disclosure import DisclosurePolicy
from peerval.qual.quotes import sentences
from peerval.report import report_for
from peerval.report.charts import LABEL_WIDTH
from peerval.results import evaluate

from .text import docx_text, html_text, pdf_pages


def _section(text: str, title: str, following: str) -> str:
    """A section's text (its heading's last occurrence: the first is in the contents)."""
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    return text.rsplit(f"\n{title}\n", 1)[1].split(f"\n{following}\n", 1)[0]


def test_differences_between_groups_name_scales_by_their_titles(published):
    html = html_text(published[0] / "report.html")
    part = _section(html, "Differences between groups", "Themes")
    assert "Value of Peer Support Workers (staff view)" in part
    for scale_id in ("psw_value", "want_more", "relationship", "experience"):
        assert not re.search(rf"\b{scale_id}\b", part), scale_id


def test_what_works_names_each_theme_once(published):
    html = html_text(published[0] / "report.html")
    part = _section(html, "What works", "Recommendations (draft)")
    sentence = next(line for line in part.splitlines() if line.startswith("Asked what works"))
    for theme in ("support", "empathy", "understanding"):
        assert len(re.findall(rf"\b{theme} \(", sentence)) <= 1, sentence


def test_a_mostly_favourable_fft_is_not_framed_as_a_problem(published):
    data = json.loads((published[0] / "results.json").read_text(encoding="utf-8"))
    positive = data["fft"][0]["positive"]["estimate"]
    html = html_text(published[0] / "report.html")
    part = _section(
        html, "Recommendations (draft)", "Appendix: instruments, scoring and disclosure"
    )
    line = next(line for line in part.splitlines() if "Friends and Family Test" in line)
    assert positive > 50
    assert not line.startswith("Improve"), line


def test_the_disclosure_policy_is_printed_once_in_the_appendix(published):
    policy = DisclosurePolicy().describe()
    pdf = re.sub(r"\s+", " ", " ".join(pdf_pages(published[0] / "report.pdf")))
    docx = re.sub(r"\s+", " ", docx_text(published[0] / "report.docx"))
    html = re.sub(r"\s+", " ", html_text(published[0] / "report.html"))
    for kind, text in (("pdf", pdf), ("docx", docx), ("html", html)):
        # once in the method ("Disclosure control: ...") and once in the appendix
        assert text.count(policy) == 2, kind


def test_the_not_scorable_sentence_reads_as_a_sentence(published):
    html = html_text(published[0] / "report.html")
    assert "they answered none of its items" in html
    assert "when no item marked as important, no items answered" not in html


def test_no_sentence_is_quoted_twice(published):
    html = published[0].joinpath("report.html").read_text(encoding="utf-8")
    quotes = re.findall(r"<blockquote><p>(.*?)</p>", html, re.S)
    assert len(quotes) >= 12
    seen: set[str] = set()
    for quote in quotes:
        parts = sentences(quote.replace("&#39;", "'"))
        assert not parts & seen, quote
        seen |= parts


def test_joined_fragments_of_a_demo_answer_are_separate_sentences():
    # informal fragments ("they pick up the practical bits") stay as written alone, but
    # joined to another sentence they become sentences, never running into the next one
    texts = generate_demo().responses.answers["text"].dropna().tolist()
    fragments = {
        phrase
        for questions in PHRASES.values()
        for codes in questions.values()
        for phrases in codes.values()
        for phrase in phrases
        if not phrase.rstrip().endswith((".", "!", "?", "\u2026"))
    }
    assert fragments
    for text in texts:
        for fragment in fragments:
            assert not re.search(re.escape(fragment) + r" [A-Z]", text), text


def test_chart_labels_are_whole_words(published):
    results, answers = published[1], generate_demo().responses.answers
    report = report_for(results, answers=answers)
    labels = [
        value["label"]
        for section in report.sections
        for block in section.blocks
        if getattr(block, "spec", None)
        for dataset in block.spec.get("datasets", {}).values()
        for value in dataset
        if "label" in value
    ]
    assert labels
    item_texts = {i.text for inst in results.instruments.values() for i in inst.items if i.text}
    for label in labels:
        # each line fits the axis, which would otherwise cut the label mid-word
        assert all(len(line) <= LABEL_WIDTH for line in label.split("\n")), label
        text = label.replace("\n", " ")
        whole = text.rstrip("\u2026")
        assert not text.endswith("\u2026") or any(t.startswith(whole) for t in item_texts)
        if text.endswith("\u2026"):
            assert any(t.startswith(whole + " ") for t in item_texts), label


def test_short_sections_do_not_stand_alone_on_a_page(published):
    pages = pdf_pages(published[0] / "report.pdf")

    def page_of(title: str) -> int:
        return next(
            i for i, p in enumerate(pages) if re.search(rf"^{re.escape(title)}\s*$", p, re.M)
        )

    assert page_of("Background") == page_of("Summary")
    assert page_of("Method") == page_of("Background")
    assert page_of("Recommendations (draft)") == page_of("What works")


def test_a_licensed_instrument_is_shown_by_domain_not_item_numbers(published):
    html = html_text(published[0] / "report.html")
    assert "INSPIRE item s01_support" not in html
    for domain in ("Connectedness", "Hope", "Identity", "Meaning", "Empowerment"):
        assert f"{domain} (service users)" in html


def test_method_names_only_the_groups_that_took_part():
    demo = generate_demo()
    staff = demo.responses.respondents["respondent_group"] == "staff"
    staff_ids = set(demo.responses.respondents.loc[staff, "response_id"])
    responses = type(demo.responses)(
        demo.responses.answers[demo.responses.answers["response_id"].isin(staff_ids)],
        demo.responses.respondents[staff],
    )
    instruments = {"staff-psw-survey": demo.instruments["staff-psw-survey"]}
    results = evaluate(responses, instruments, codings=demo.codings, codebook=DEMO_CODEBOOK)
    report = report_for(results, answers=responses.answers, codings=demo.codings)
    method = next(s for s in report.sections if s.id == "method")
    first = method.blocks[0].text
    assert first.startswith("Staff were invited"), first
    assert "service user" not in first.lower()
