"""The sign-in page, its error state and the page-not-found page pass axe-core on a phone."""

from __future__ import annotations

import pytest

from .pages import press, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_sign_in_page_and_its_error_state_are_accessible(live_server, page):
    visit(page, f"{live_server.url}/accounts/login/")
    assert page.get_by_role("heading", level=1).inner_text() == "Sign in to peerval"
    page.get_by_label("Username").fill("nobody")
    page.get_by_label("Password", exact=True).fill("not the password")
    press(page, "Sign in")
    assert page.title().startswith("Error: ")
    assert page.locator(".nhsuk-error-summary").is_visible()


def test_the_page_not_found_page_is_accessible(live_server, page):
    response = visit(page, f"{live_server.url}/s/no-such-survey/")
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Page not found"
