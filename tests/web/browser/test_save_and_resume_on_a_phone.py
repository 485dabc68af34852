"""A respondent saves part-way, keeps the resume code, and finishes later on a fresh
browser (no cookies from the first visit); nothing answered before is lost. Every page
visited passes axe-core's WCAG 2.2 A and AA checks."""

from __future__ import annotations

import re

import pytest

from peerval.web.surveys.models import Response

from .pages import choose, follow, press, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CODE = re.compile(r"^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$")
VALUED = "Peer Support Workers are valued members of our team."


def test_a_saved_survey_is_finished_later_on_a_fresh_browser(
    live_server, staff_collection, new_phone
):
    base = f"{live_server.url}/s/{staff_collection.token}/"
    first = new_phone()
    visit(first, base)
    first.locator("label").filter(has_text="I have read the information above").tap()
    press(first, "Start now")
    choose(first, "Which care group do you mainly work in?", "Older adults")
    press(first, "Continue")
    assert first.url == f"{base}q/1/"
    choose(first, VALUED, "Agree")
    press(first, "Save and come back later")
    assert first.get_by_role("heading", level=1).inner_text() == "Your answers have been saved"
    code = first.locator("#resume-code").inner_text().strip()
    assert CODE.match(code), code
    first.context.close()

    later = new_phone()
    visit(later, base)
    follow(later, "Continue a survey you saved earlier")
    assert later.url == f"{base}resume/"
    # typed as a person might: lower case, spaces for dashes
    later.get_by_label("Continue where you left off").fill(code.lower().replace("-", " "))
    press(later, "Continue")
    assert later.url == f"{base}q/2/"  # the first page with a required question unanswered
    follow(later, "Back")
    assert later.url == f"{base}q/1/"
    valued = later.locator("fieldset").filter(has_text=VALUED)
    assert valued.get_by_label("Agree", exact=True).is_checked()  # saved before
    press(later, "Continue")
    choose(later, "Peer Support Workers help service users with their recovery.", "Agree")
    press(later, "Continue")
    press(later, "Continue")
    press(later, "Continue")
    assert later.url == f"{base}check/"
    assert "Older adults" in later.locator(".nhsuk-summary-list").first.inner_text()
    press(later, "Send answers")
    assert "Thank you, your answers have been sent" in later.locator(".nhsuk-panel").inner_text()

    stored = Response.objects.get()
    assert stored.status == Response.SUBMITTED
    assert stored.resume_hash is None  # the code no longer opens the answers
    answers = stored.answers["staff-psw-survey"]
    assert answers["care_group"] == 4
    assert answers["valued_member"] == 4
    assert answers["helps_recovery"] == 4
