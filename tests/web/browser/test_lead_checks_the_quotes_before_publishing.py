"""The lead lists a team in the settings, then checks the report's quotes in Chromium: the
team's name shows as [place] in the quote, and the table under it says what was taken out
and why. Every page visited passes axe-core's WCAG 2.2 A and AA checks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ..quote_helpers import PLACE, PLACE_QUOTE, THEME, coded_wave_with_place
from .pages import follow, press, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"viewport": {"width": 1280, "height": 900}, "has_touch": True}
PASSWORD = "correct horse battery staple"
SCREENSHOT = Path(os.environ.get("PEERVAL_QUOTE_CHECK_SCREENSHOT", "/tmp/check-quotes.png"))


def test_the_lead_lists_a_team_and_checks_the_quotes(
    live_server, browser, lead, evaluation, staff_collection
):
    wave = coded_wave_with_place(evaluation, staff_collection, lead)
    desk = browser.new_context(**LAPTOP).new_page()
    base = live_server.url
    visit(desk, f"{base}/accounts/login/")
    desk.fill("#username", lead.username)
    desk.fill("#password", PASSWORD)
    press(desk, "Sign in")

    visit(desk, f"{base}/evaluations/{evaluation.pk}/settings/")
    desk.get_by_label("Places to take out of quotes (optional)").fill(
        f"{PLACE}\nKestrel community team"
    )
    press(desk, "Save settings")
    assert "Settings saved" in desk.locator("main").inner_text()

    visit(desk, f"{base}/waves/{wave.pk}/report/")
    follow(desk, "Check the quotes in the report")

    assert desk.get_by_role("heading", level=1).inner_text() == "Check the quotes in the report"
    assert "Do not share this page" in desk.locator(".nhsuk-card--warning").inner_text()
    main = desk.locator("main")
    assert desk.get_by_role("heading", level=2, name=THEME).is_visible()
    assert PLACE_QUOTE in main.inner_text()
    table = desk.locator("table").filter(has=desk.locator("td", has_text=PLACE))
    assert "A place listed for this evaluation" in table.inner_text()
    desk.screenshot(path=str(SCREENSHOT), full_page=True)
