"""Browser fixtures: Debian's Chromium driven by Playwright, a phone-sized page, and an
axe-core check for WCAG 2.2 AA.

Playwright's sync API runs an event loop in the test thread, so Django's guard against
database calls from async code is switched off for these tests.

The site's Content-Security-Policy refuses inline scripts, including one that
``page.add_script_tag`` would add. axe-core is therefore loaded with ``page.evaluate``,
which runs through the DevTools protocol and is not subject to the page's CSP; the browser
context keeps CSP on, so the pages are tested as respondents get them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .pages import AXE

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("PEERVAL_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {
    "viewport": {"width": 375, "height": 812},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}


@pytest.fixture(scope="session")
def browser():
    # In CI the browser tests must run: a missing browser or axe-core fails them there.
    give_up = pytest.fail if os.environ.get("CI") else pytest.skip
    if not CHROMIUM.exists():
        give_up(f"Chromium not found at {CHROMIUM} (set PEERVAL_CHROMIUM)")
    if not AXE.exists():
        give_up(f"{AXE} not found: run `npm ci` in frontend/")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def new_phone(browser):
    """Open a fresh phone (its own cookies and storage); closed after the test."""
    contexts = []

    def open_phone():
        context = browser.new_context(**PHONE)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_phone
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_phone):
    """A page in a phone-sized browser."""
    return new_phone()
