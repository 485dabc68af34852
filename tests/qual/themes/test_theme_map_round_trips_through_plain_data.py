"""A theme map survives to_dict, YAML and from_dict unchanged, and can come from a codebook."""

from __future__ import annotations

import yaml

from peerval.qual.codebook import Code, Codebook
from peerval.qual.codebook import Theme as CodebookTheme
from peerval.qual.themes import Theme, ThemeMap


def test_to_dict_yaml_and_back_give_the_same_map() -> None:
    themes = ThemeMap(
        (
            Theme("support", "Support", "Feeling supported", ("listened",)),
            Theme("practical", "Practical help", "", ("forms", "housing"), parent_id="support"),
        )
    )
    text = yaml.safe_dump(themes.to_dict(), sort_keys=False)
    again = ThemeMap.from_dict(yaml.safe_load(text))
    assert again == themes
    assert again.codes_of("support") == {"listened", "forms", "housing"}
    assert again.children("support") == (themes.theme("practical"),)


def test_a_codebook_gives_one_theme_per_codebook_theme() -> None:
    codebook = Codebook(
        "demo",
        "1",
        (
            CodebookTheme("time", "Time", "Time with the PSW", (Code("more", "More time", ""),)),
            CodebookTheme("empathy", "Empathy", "Being understood", (Code("heard", "Heard", ""),)),
        ),
    )
    themes = ThemeMap.from_codebook(codebook)
    assert [(t.id, t.name, t.code_ids) for t in themes.themes] == [
        ("time", "Time", ("more",)),
        ("empathy", "Empathy", ("heard",)),
    ]
    assert themes.codes == {"more", "heard"}
