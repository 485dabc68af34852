"""A theme map with a cycle, an unknown code or parent, or a shared code is rejected,
and the error names the theme."""

from __future__ import annotations

import pytest

from peerval.errors import DataError
from peerval.qual.themes import Theme, ThemeMap


def test_a_cycle_of_parents_names_the_themes_in_it() -> None:
    themes = (
        Theme("support", "Support", parent_id="time"),
        Theme("time", "Time", parent_id="listening"),
        Theme("listening", "Listening", parent_id="support"),
    )
    with pytest.raises(DataError, match="theme 'support' is its own ancestor") as error:
        ThemeMap(themes)
    assert "support -> time -> listening -> support" in str(error.value)
    assert error.value.location is not None and error.value.location.field == "themes[0].parent"


def test_a_theme_that_is_its_own_parent_is_a_cycle() -> None:
    with pytest.raises(DataError, match="'hope' is its own ancestor: hope -> hope"):
        ThemeMap((Theme("hope", "Hope", parent_id="hope"),))


def test_an_unknown_code_is_named_with_its_theme() -> None:
    data = {"themes": [{"id": "empathy", "name": "Empathy", "codes": ["felt_heard", "typo"]}]}
    with pytest.raises(DataError, match="theme 'empathy' names unknown code 'typo'"):
        ThemeMap.from_dict(data, codes=["felt_heard"])


def test_an_unknown_parent_is_named_with_its_theme() -> None:
    with pytest.raises(DataError, match="theme 'forms' has unknown parent 'practical'"):
        ThemeMap((Theme("forms", "Forms", parent_id="practical"),))


def test_a_code_in_two_themes_is_rejected_naming_both() -> None:
    themes = (Theme("a", "A", code_ids=("x",)), Theme("b", "B", code_ids=("y", "x")))
    with pytest.raises(DataError, match="code 'x' is in theme 'a' and in theme 'b'"):
        ThemeMap(themes)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"themes": [{"id": "a"}, {"id": "a"}]}, "theme 'a' is defined twice"),
        ({"themes": [{"name": "No id"}]}, "needs an id"),
        ({"themes": [{"id": "a", "codes": "x"}]}, "theme 'a': 'codes' must be a list"),
        ({"themes": [{"id": "a", "colour": "red"}]}, "unknown keys: colour"),
        ({"themes": "support"}, "list under 'themes'"),
        ([], "list under 'themes'"),
    ],
)
def test_malformed_dicts_are_rejected(data: object, message: str) -> None:
    with pytest.raises(DataError, match=message):
        ThemeMap.from_dict(data)  # type: ignore[arg-type]
