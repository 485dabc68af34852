"""The button-label check that every page test and browser test runs: words pass; a macro,
``None``, an undefined variable, a Python repr or nothing at all is refused."""

from __future__ import annotations

import pytest

from .button_labels import button_labels, label_problem


@pytest.mark.parametrize(
    "label",
    ["Add code", "Save changes", "Reject this suggestion", "Browse More", "Continue"],
)
def test_words_pass(label):
    assert label_problem(label) is None


@pytest.mark.parametrize(
    "label",
    [
        "",
        "   ",
        "<Macro 'button'>",
        "None",
        "Save None",
        "Undefined",
        "<function save at 0x7f3a2c1d0e50>",
        "<peerval.web.Thing object at 0x7f3a2c1d0e50>",
        "<class 'peerval.web.forms.CodeForm'>",
        "{'text': 'Add code'}",
        "['Add code']",
    ],
)
def test_a_repr_none_or_blank_is_refused(label):
    assert label_problem(label) is not None


def test_labels_are_read_from_html_with_entities_decoded():
    page = (
        '<form><button class="nhsuk-button">&lt;Macro &#39;button&#39;&gt;</button>'
        '<input type="submit" value="Send answers"><input type="text" value="typed">'
        '<a href="/x" role="button" class="nhsuk-button">Add a wave</a>'
        "<button><span>Reject</span> this</button></form>"
    )
    assert button_labels(page) == ["<Macro 'button'>", "Send answers", "Add a wave", "Reject this"]
