"""Coding a passage of survey free text in Chromium, once with the keyboard alone and once
with the mouse; the coding appears beside the text, highlighted in it. Every page visited
passes axe-core's WCAG 2.2 A and AA checks."""

from __future__ import annotations

import pytest

from peerval.web.qualitative.passages import passages

from ..qualitative.helpers import STAFF_ANSWERS, add_codes, make_project, submit_staff_answers
from .pages import assert_accessible, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"viewport": {"width": 1280, "height": 900}}
PASSWORD = "correct horse battery staple"
FIRST_ANSWER = STAFF_ANSWERS[0][2]  # "She listens without judging. Patients open up to her..."


@pytest.fixture
def coded_project(evaluation, wave, staff_collection, lead):
    submit_staff_answers(staff_collection)
    project = make_project(evaluation, wave, lead)
    add_codes(project, lead)
    return project


def _sign_in(desk, base: str, user) -> None:
    visit(desk, f"{base}/accounts/login/")
    desk.fill("#username", user.username)
    desk.fill("#password", PASSWORD)
    with desk.expect_navigation():
        desk.keyboard.press("Enter")
    assert "/accounts/login/" not in desk.url


def _open_first_document(desk, base: str, project) -> None:
    visit(desk, f"{base}/qualitative/{project.pk}/")
    document = project.documents.get(text=FIRST_ANSWER)
    visit(desk, f"{base}/qualitative/{project.pk}/documents/{document.pk}/")
    assert desk.get_by_role("heading", level=1).inner_text().startswith("Document ")


def _focused(desk) -> str:
    return desk.evaluate("() => document.activeElement?.id || document.activeElement?.tagName")


def _tab_to(desk, element_id: str, limit: int = 80) -> None:
    for _ in range(limit):
        desk.keyboard.press("Tab")
        if _focused(desk) == element_id:
            return
    pytest.fail(f"Tab never reached #{element_id}")


def _codings(desk) -> list[str]:
    return [t.strip() for t in desk.locator(".peerval-codings li").all_inner_texts()]


def test_a_coder_codes_two_sentences_with_the_keyboard_alone(
    live_server, browser, coded_project, coder
):
    desk = browser.new_context(**LAPTOP).new_page()
    _sign_in(desk, live_server.url, coder)
    _open_first_document(desk, live_server.url, coded_project)

    _tab_to(desk, "passage")
    desk.keyboard.press("Space")
    desk.keyboard.press("Tab")
    assert _focused(desk) == "passage-2"
    desk.keyboard.press("Space")
    assert desk.locator("#passage").is_checked() and desk.locator("#passage-2").is_checked()
    _tab_to(desk, "code")
    desk.keyboard.type("More time")
    assert desk.locator("#code").input_value() == "more_time_wanted"
    _tab_to(desk, "apply-code")
    with desk.expect_navigation():
        desk.keyboard.press("Enter")
    assert_accessible(desk)

    codings = _codings(desk)
    assert len(codings) == 1
    assert "More time wanted" in codings[0] and FIRST_ANSWER in codings[0] and "bob" in codings[0]
    sentences = [FIRST_ANSWER[p.start : p.end] for p in passages(FIRST_ANSWER)]
    assert desk.locator(".peerval-passages mark").all_inner_texts() == sentences


def _drag_over(desk, needle: str) -> None:
    """Press the mouse before the first character of ``needle`` in the text and release it
    after the last, as a person selecting words does."""
    box = desk.evaluate(
        """needle => {
            for (const unit of document.querySelectorAll('.peerval-unit')) {
              const node = unit.firstChild;
              const at = node.textContent.indexOf(needle);
              if (at < 0) continue;
              const range = document.createRange();
              range.setStart(node, at); range.setEnd(node, at + 1);
              const first = range.getBoundingClientRect();
              range.setStart(node, at + needle.length - 1); range.setEnd(node, at + needle.length);
              const last = range.getBoundingClientRect();
              return {x1: first.left + 1, y1: first.top + first.height / 2,
                      x2: last.right - 1, y2: last.top + last.height / 2};
            }
            return null;
        }""",
        needle,
    )
    assert box, f"{needle!r} is not in the text"
    desk.mouse.move(box["x1"], box["y1"])
    desk.mouse.down()
    desk.mouse.move((box["x1"] + box["x2"]) / 2, box["y2"], steps=5)
    desk.mouse.move(box["x2"], box["y2"], steps=5)
    desk.mouse.up()


def test_a_coder_codes_words_selected_with_the_mouse(live_server, browser, coded_project, coder):
    desk = browser.new_context(**LAPTOP).new_page()
    _sign_in(desk, live_server.url, coder)
    _open_first_document(desk, live_server.url, coded_project)

    words = "Patients open up to her"
    _drag_over(desk, words)
    start = FIRST_ANSWER.index(words)
    assert desk.locator("#selection-start").input_value() == str(start)
    assert desk.locator("#selection-end").input_value() == str(start + len(words))
    assert words in desk.locator("#selection-status").inner_text()
    desk.locator("#code").select_option("feeling_heard")
    with desk.expect_navigation():
        desk.locator("#apply-code").click()
    assert_accessible(desk)

    codings = _codings(desk)
    assert len(codings) == 1
    assert "Feeling heard" in codings[0] and f"\u201c{words}\u201d" in codings[0]
    assert desk.locator(".peerval-passages mark").all_inner_texts() == [words]


def test_every_qualitative_page_a_lead_visits_is_accessible(
    live_server, browser, coded_project, lead, coder
):
    from peerval.web.qualitative.services import coding, samples, themes

    project = coded_project
    sample = samples.draw(project, lead, size=3, seed=2)
    documents = [project.documents.get(document_id=d) for d in sample.document_ids]
    for user, chosen in ((lead, documents[:2]), (coder, documents[1:])):
        for document in chosen:
            coding.apply_code(project, document, 0, 5, "feeling_heard", user)
    outside = project.documents.exclude(document_id__in=sample.document_ids).first()
    made = coding.apply_code(project, outside, 0, 5, "more_time_wanted", lead)
    coding.add_memo(project, outside, lead, text="A note written for the test.")
    parent = themes.save_theme(
        project, lead, name="Support", description="", parent=None, code_ids=["feeling_heard"]
    )
    theme = themes.save_theme(
        project, lead, name="Time", description="", parent=parent, code_ids=["more_time_wanted"]
    )

    desk = browser.new_context(**LAPTOP).new_page()
    _sign_in(desk, live_server.url, lead)
    base, p = live_server.url, project.pk
    for path in [
        f"/evaluations/{project.evaluation_id}/",
        f"/evaluations/{project.evaluation_id}/qualitative/",
        f"/evaluations/{project.evaluation_id}/qualitative/new/",
        f"/qualitative/{p}/?code=support",
        f"/qualitative/{p}/documents/{outside.pk}/",
        f"/qualitative/{p}/documents/{documents[0].pk}/",
        f"/qualitative/{p}/documents/{outside.pk}/undo/",
        f"/qualitative/{p}/documents/{outside.pk}/memos/new/",
        f"/qualitative/{p}/documents/{outside.pk}/codings/{made}/remove/",
        f"/qualitative/{p}/codebook/",
        f"/qualitative/{p}/codebook/new/",
        f"/qualitative/{p}/codebook/codes/feeling_heard/",
        f"/qualitative/{p}/codebook/codes/feeling_heard/remove/",
        f"/qualitative/{p}/grid/",
        f"/qualitative/{p}/themes/",
        f"/qualitative/{p}/themes/new/",
        f"/qualitative/{p}/themes/{theme.pk}/",
        f"/qualitative/{p}/themes/{theme.pk}/remove/",
        f"/qualitative/{p}/agreement/",
        f"/qualitative/{p}/agreement/sample/",
        f"/qualitative/{p}/agreement/end-blind-coding/",
        f"/qualitative/{p}/delete/",
    ]:
        response = visit(desk, base + path)
        assert response.status == 200, path

    # an error state: removing a code in use is refused on its page
    visit(desk, f"{base}/qualitative/{p}/codebook/codes/feeling_heard/remove/")
    with desk.expect_navigation():
        desk.get_by_role("button", name="Remove code").press("Enter")
    assert desk.locator(".nhsuk-error-summary").is_visible()
    assert_accessible(desk)
