"""The wave's report takes its themes, counts and quotes from the wave's qualitative project,
and is rebuilt when the coding or the themes change."""

from __future__ import annotations

from peerval.web.qualitative.services import coding, themes
from peerval.web.results.services import report_files

from ..results_helpers import PERSONAL_TEXT, fill_staff
from .helpers import add_codes, make_project


def _code_every_what_works_answer(project, code_id, user) -> int:
    done = 0
    for document in project.documents.order_by("position"):
        if document.origin and document.origin["item_id"] == "what_works":
            coding.apply_code(project, document, 0, len(document.text), code_id, user)
            done += 1
    return done


def _themed_report(lead, evaluation, staff_collection, may_quote):
    fill_staff(staff_collection, count=12, may_quote=may_quote)
    wave = staff_collection.wave
    project = make_project(evaluation, wave, lead)
    codes = add_codes(project, lead)
    _code_every_what_works_answer(project, codes["heard"], lead)
    themes.save_theme(
        project,
        lead,
        name="Being listened to",
        description="Staff value that the peer worker listens without judging.",
        parent=None,
        code_ids=[codes["heard"]],
    )
    return (report_files(wave).folder / "report.html").read_text(encoding="utf-8")


def test_staff_who_said_no_to_quoting_are_not_quoted(lead, evaluation, staff_collection):
    html = _themed_report(lead, evaluation, staff_collection, may_quote=0)
    assert "Being listened to" in html
    assert "rang me on" not in html


def test_staff_who_were_not_asked_are_not_quoted(lead, evaluation, staff_collection):
    html = _themed_report(lead, evaluation, staff_collection, may_quote=None)
    assert "Being listened to" in html
    assert "rang me on" not in html


def test_a_theme_with_codings_appears_in_the_report_with_redacted_quotes(
    lead, evaluation, staff_collection
):
    fill_staff(staff_collection, count=12, may_quote=1)
    wave = staff_collection.wave
    project = make_project(evaluation, wave, lead)
    codes = add_codes(project, lead)
    before = report_files(wave).folder
    assert "Being listened to" not in (before / "report.html").read_text(encoding="utf-8")

    assert _code_every_what_works_answer(project, codes["heard"], lead) == 12
    themes.save_theme(
        project,
        lead,
        name="Being listened to",
        description="Staff value that the peer worker listens without judging.",
        parent=None,
        code_ids=[codes["heard"]],
    )

    after = report_files(wave).folder
    assert after != before  # rebuilt: the coding and the themes are in its fingerprint
    html = (after / "report.html").read_text(encoding="utf-8")
    assert "Being listened to" in html
    # the one answer long enough to quote, redacted (the others are too short to read well)
    assert "My PSW [name] rang me on [phone] and it really helped." in html
    assert "Whitfield" not in html and "07700 900123" not in html
    assert PERSONAL_TEXT not in html


def test_a_project_without_themes_leaves_the_report_without_coded_themes(
    lead, evaluation, staff_collection
):
    fill_staff(staff_collection, count=12)
    wave = staff_collection.wave
    project = make_project(evaluation, wave, lead)
    codes = add_codes(project, lead)
    _code_every_what_works_answer(project, codes["heard"], lead)

    html = (report_files(wave).folder / "report.html").read_text(encoding="utf-8")
    assert "Feeling heard" not in html
