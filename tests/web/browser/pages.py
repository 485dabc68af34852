"""What a person does on a page (open a link, tap a label, press a button) and the checks
made on every page visited: the NHS.UK stylesheet applied, no WCAG 2.2 A or AA failures
found by axe-core, and every button a person can see labelled in words (not empty, not
``None`` and not a template's or Python's repr such as ``<Macro 'button'>``).

Every way of reaching a page here (:func:`visit`, :func:`follow`, :func:`press`) runs
:func:`assert_accessible` on the page it arrives at, so a test cannot skip the check.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from ..button_labels import assert_labels_read_well

REPO = Path(__file__).resolve().parents[3]
AXE = REPO / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
#: WCAG 2.0, 2.1 and 2.2, levels A and AA
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
#: the NHS blue of the header: proof that the NHS.UK stylesheet loaded
NHS_BLUE = "rgb(0, 94, 184)"


def assert_styled(page) -> None:
    """The NHS.UK stylesheet applied: without it an accessibility check means little."""
    colour = page.evaluate(
        "() => getComputedStyle(document.querySelector('.nhsuk-header')).backgroundColor"
    )
    assert colour == NHS_BLUE, f"NHS.UK CSS did not load on {page.url}: header is {colour}"


@cache
def _axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def _load_axe(page) -> None:
    if page.evaluate("() => typeof window.axe === 'object'"):
        return
    # The page's CSP refuses inline scripts, and a script tag added by the page's own
    # DOM is one; evaluating the source through DevTools is not subject to the CSP.
    page.evaluate(_axe_source())
    assert page.evaluate("() => typeof window.axe === 'object'"), "axe-core did not load"


#: every element a person presses: buttons, submit inputs and links drawn as buttons
_BUTTONS = (
    "button, input[type=submit], input[type=button], input[type=reset], [role=button], "
    "a.nhsuk-button"
)


def visible_button_labels(page) -> list[str]:
    """The text of every button on the page that a person can see (an input's value)."""
    return page.evaluate(
        """selector => Array.from(document.querySelectorAll(selector))
            .filter(el => el.checkVisibility({visibilityProperty: true, checkVisibilityCSS: true}))
            .map(el => el.tagName === "INPUT" ? el.value : el.innerText)""",
        _BUTTONS,
    )


def assert_buttons_read_well(page) -> None:
    """Fail if a visible button's label is empty, ``None``, undefined or a repr."""
    assert_labels_read_well(visible_button_labels(page), page.url)


def assert_accessible(page) -> None:
    """Check the page as it is now: its buttons' labels, then axe-core; fail listing every
    wrong label or every WCAG A/AA violation."""
    assert_styled(page)
    assert_buttons_read_well(page)
    _load_axe(page)
    result = page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        WCAG_TAGS,
    )
    violations = result["violations"]
    if violations:
        lines = [f"{len(violations)} accessibility violation(s) on {page.url}:"]
        for violation in violations:
            lines.append(
                f"- {violation['id']} ({violation['impact']}): {violation['help']} "
                f"[{violation['helpUrl']}]"
            )
            for node in violation["nodes"]:
                target = " ".join(str(part) for part in node["target"])
                lines.append(f"    {target}: {node['failureSummary']}")
        pytest.fail("\n".join(lines), pytrace=False)


def _exactly(text: str) -> re.Pattern:
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


def choose(page, question: str, answer: str) -> None:
    """Tap the label of ``answer`` in the radios or checkboxes asking ``question``."""
    fieldset = page.locator("fieldset").filter(
        has=page.locator("legend").filter(has_text=_exactly(question))
    )
    label = fieldset.locator("label").filter(has_text=_exactly(answer))
    label.tap()
    assert page.get_by_label(answer, exact=True).and_(fieldset.locator("input")).is_checked(), (
        f"tapping {answer!r} did not select it"
    )


def visit(page, url: str):
    """Open ``url``, check the page, and return the HTTP response."""
    response = page.goto(url)
    assert_accessible(page)
    return response


def follow(page, link) -> None:
    """Tap a link (a locator, or the link's accessible name) and check the page it opens."""
    if isinstance(link, str):
        link = page.get_by_role("link", name=link, exact=True)
    with page.expect_navigation():
        link.tap()
    assert_accessible(page)


def press(page, button: str) -> None:
    """Tap a button that sends its form, and check the page that comes back."""
    with page.expect_navigation():
        page.get_by_role("button", name=button, exact=True).tap()
    assert_accessible(page)
