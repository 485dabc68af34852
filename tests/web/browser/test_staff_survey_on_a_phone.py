"""A member of staff answers the staff survey on a phone, as a person would: tapping labels
and Continue, meeting one error, changing an answer from the check page, then sending.
Every page visited passes axe-core's WCAG 2.2 A and AA checks (``visit``, ``follow`` and
``press`` run them)."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest

from peerval.web.surveys.models import Response

from .pages import choose, follow, press, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CARE_GROUP = "Which care group do you mainly work in?"


def _screenshot(page, folder: Path, name: str) -> Path:
    """A full-page PNG, as wide as the phone (375 CSS pixels at a pixel ratio of 2)."""
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    assert width == 750 and height >= 812 * 2, (width, height)
    return path


def test_a_respondent_completes_the_staff_survey_on_a_phone(
    live_server, staff_collection, page, tmp_path
):
    # PEERVAL_SCREENSHOTS=folder keeps the screenshots to look at
    shots = Path(os.environ.get("PEERVAL_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    base = f"{live_server.url}/s/{staff_collection.token}/"

    # information and consent
    visit(page, base)
    assert page.get_by_role("heading", level=1).inner_text() == "Peer support evaluation 2026"
    page.locator("label").filter(has_text="I have read the information above").tap()
    press(page, "Start now")

    # page 1, sent without the required care group: the error summary takes focus and
    # links to the question
    assert page.url == f"{base}q/0/"
    choose(page, "What is your profession?", "Occupational therapist")
    press(page, "Continue")
    assert page.url == f"{base}q/0/"
    assert page.title().startswith("Error: ")
    page.wait_for_function(
        "() => document.activeElement === document.querySelector('.nhsuk-error-summary')"
    )
    link = page.locator(".nhsuk-error-summary").get_by_role(
        "link", name=f"Select an answer: {CARE_GROUP}"
    )
    assert link.get_attribute("href") == "#care_group"
    assert page.locator(".nhsuk-error-message").inner_text().endswith(CARE_GROUP)
    assert page.get_by_label("Occupational therapist").is_checked()  # kept from the POST
    link.tap()
    page.wait_for_function("() => document.activeElement.id === 'care_group'")
    choose(page, CARE_GROUP, "Community mental health")
    press(page, "Continue")

    # pages 2 to 5
    assert page.url == f"{base}q/1/"
    _screenshot(page, shots, "question-page")
    choose(page, "Peer Support Workers are valued members of our team.", "Strongly agree")
    choose(page, "I understand what the Peer Support Worker role involves.", "Agree")
    press(page, "Continue")
    assert page.url == f"{base}q/2/"
    choose(page, "Peer Support Workers help service users with their recovery.", "Agree")
    press(page, "Continue")
    assert page.url == f"{base}q/3/"
    choose(page, "Our team would benefit from more Peer Support Workers.", "Strongly agree")
    press(page, "Continue")
    assert page.url == f"{base}q/4/"
    page.get_by_label("What works well about having Peer Support Workers in your team?").fill(
        "They have time to listen, and people open up to them."
    )
    press(page, "Continue")

    # check your answers, change one, send
    assert page.url == f"{base}check/"
    _screenshot(page, shots, "check-page")
    care_row = page.locator(".nhsuk-summary-list__row").filter(has_text=CARE_GROUP)
    assert "Community mental health" in care_row.inner_text()
    follow(page, care_row.get_by_role("link", name=f"Change {CARE_GROUP}"))
    assert page.url == f"{base}q/0/?change=1"
    assert page.get_by_label("Community mental health").is_checked()
    choose(page, CARE_GROUP, "Rehabilitation and recovery")
    press(page, "Continue")
    assert page.url == f"{base}check/"
    assert "Rehabilitation and recovery" in care_row.inner_text()
    press(page, "Send answers")

    assert page.url == f"{base}done/"
    assert "Thank you, your answers have been sent" in page.locator(".nhsuk-panel").inner_text()

    stored = Response.objects.get()
    assert stored.status == Response.SUBMITTED
    answers = stored.answers["staff-psw-survey"]
    assert answers["profession"] == 3
    assert answers["care_group"] == 3 and stored.care_group == 3
    assert answers["valued_member"] == 5
    assert answers["understand_role"] == 4
    assert answers["what_works"].startswith("They have time to listen")
