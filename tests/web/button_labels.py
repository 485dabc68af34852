"""What a button may say, checked on every page the tests open.

A label that reads ``<Macro 'button'>``, ``None`` or nothing at all means a template
variable was missing or shadowed by a macro of the same name; such a page can pass every
other check. The browser helper (``browser/pages.py``) reads the labels of the buttons a
person can see; :func:`button_labels` reads them from a page's HTML for the tests that
use Django's test client.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

__all__ = ["assert_labels_read_well", "button_labels", "label_problem"]

#: a Python or Jinja repr: ``<Macro 'button'>``, ``<function f at 0x...>``, ``<class 'x'>``,
#: ``<Foo object at 0x...>``, or a dict, list or tuple of strings printed as it is
_REPR = re.compile(
    r"<[A-Za-z_][\w.]*(?:\s[^>]*)?>"
    r"|\bat 0x[0-9a-fA-F]+"
    r"|^[\[{(]\s*['\"]"
)


def label_problem(label: str) -> str | None:
    """Why a button's label is wrong, or None when it reads as words for a person."""
    text = " ".join(label.split())
    if not text:
        return "it is empty"
    if "<Macro" in text:
        return "it names a template macro"
    if "Undefined" in text:
        return "it names an undefined template variable"
    if re.search(r"\bNone\b", text):
        return "it reads None"
    if _REPR.search(text):
        return "it looks like a Python repr"
    return None


def assert_labels_read_well(labels: list[str], where: str) -> None:
    """Fail naming every button on the page whose label is wrong, and why."""
    wrong = [(label, problem) for label in labels if (problem := label_problem(label))]
    if wrong:
        lines = [f"{len(wrong)} button label(s) on {where} are wrong:"]
        lines += [f"- {label!r}: {problem}" for label, problem in wrong]
        pytest.fail("\n".join(lines), pytrace=False)


class _Buttons(HTMLParser):
    """Collects the text of each ``<button>`` and button-like link, and the value of each
    submit, button or reset input."""

    _INPUTS = frozenset({"submit", "button", "reset"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.labels: list[str] = []
        self._open: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "input" and (found.get("type") or "text").lower() in self._INPUTS:
            self.labels.append(found.get("value") or "")
        elif tag == "button" or (tag == "a" and found.get("role") == "button"):
            self._open.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1][0] == tag:
            _, parts = self._open.pop()
            self.labels.append("".join(parts))

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][1].append(data)


def button_labels(html: str) -> list[str]:
    """The labels of every button, button-like link and submit input in ``html``, with
    entities decoded (so an escaped ``&lt;Macro`` reads as ``<Macro``)."""
    parser = _Buttons()
    parser.feed(html)
    parser.close()
    return [" ".join(label.split()) for label in parser.labels]
