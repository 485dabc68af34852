"""The journey a new evaluation lead takes, in Chromium: sign in, create an evaluation and a
wave, set up and open a staff survey, see a respondent's answers arrive in the live count,
and download the report. Every page visited passes axe-core's WCAG 2.2 A and AA checks."""

from __future__ import annotations

import re

import pytest

from .pages import assert_accessible, choose, follow, press, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"viewport": {"width": 1280, "height": 900}, "has_touch": True}


def _tick(page, name: str, value: str) -> None:
    """Tap the label of one radio or checkbox, found by the input's name and value."""
    box = page.locator(f"input[name='{name}'][value='{value}']")
    page.locator(f"label[for='{box.get_attribute('id')}']").click()
    assert box.is_checked()


def test_a_lead_sets_up_a_staff_survey_sees_an_answer_arrive_and_gets_the_report(
    live_server, browser, new_phone, lead
):
    desk = browser.new_context(**LAPTOP).new_page()
    visit(desk, f"{live_server.url}/")
    assert "/accounts/login/" in desk.url
    desk.fill("#username", lead.username)
    desk.fill("#password", "correct horse battery staple")
    press(desk, "Sign in")

    follow(desk, desk.get_by_role("button", name="Create an evaluation"))
    desk.fill("input[name='name']", "Peer support in our Trust")
    desk.fill("input[name='organisation']", "Example NHS Trust")
    _tick(desk, "disclosure_rule", "threshold")
    press(desk, "Create evaluation")
    assert re.search(r"/evaluations/\d+/$", desk.url)

    follow(desk, "Add a wave")
    desk.fill("input[name='label']", "2027")
    press(desk, "Add wave")
    follow(desk, "Add a collection to wave 2027")
    _tick(desk, "respondent_group", "staff")
    press(desk, "Create collection")
    press(desk, "Open the collection")
    link = desk.locator(".peerval-link a").inner_text().strip()
    assert link.startswith(live_server.url + "/s/")
    qr = desk.locator("img[alt^='QR code']")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")

    # a member of staff answers on a phone
    phone = new_phone()
    visit(phone, link)
    phone.locator("label").filter(has_text="I have read the information above").tap()
    press(phone, "Start now")
    choose(phone, "Which care group do you mainly work in?", "Community mental health")
    press(phone, "Continue")
    choose(phone, "Peer Support Workers are valued members of our team.", "Agree")
    while "/check/" not in phone.url:
        if (
            phone.locator("legend")
            .filter(has_text="help service users with their recovery")
            .count()
        ):
            choose(phone, "Peer Support Workers help service users with their recovery.", "Agree")
        press(phone, "Continue")
    press(phone, "Send answers")
    assert phone.get_by_text("Thank you, your answers have been sent").is_visible()

    # the lead sees the count rise, by care group
    follow(desk, desk.get_by_role("link", name=re.compile(r"^Back to ")))
    counts = desk.locator("table").filter(has_text="Care group")
    row = counts.locator("tr").filter(has_text="Community mental health")
    assert row.locator("td").last.inner_text().strip() == "1"

    follow(desk, "View the report for wave 2027")
    assert_accessible(desk)
    with desk.expect_download() as download:
        desk.get_by_role("link", name=re.compile("Download the report as a PDF")).click()
    pdf = download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")
