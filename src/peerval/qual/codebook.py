"""Codebooks: codes grouped under themes, with descriptions coders can apply consistently.

The report works with this themed codebook. A qualitative project codes with a hierarchical
codebook (:mod:`peerval.qual.hierarchy`); :meth:`HierarchicalCodebook.from_themed` converts one into
the other, each theme becoming a parent code that groups its codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from peerval.errors import DataError

__all__ = ["Code", "Codebook", "Theme"]


@dataclass(frozen=True)
class Code:
    """One code: what it means and whether it marks something working well or a concern."""

    id: str
    title: str
    description: str
    valence: str = "positive"  # positive | concern


@dataclass(frozen=True)
class Theme:
    """A theme groups codes that together tell one part of the story."""

    id: str
    title: str
    description: str
    codes: tuple[Code, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Codebook:
    """Themes and their codes; a code belongs to exactly one theme."""

    name: str
    version: str
    themes: tuple[Theme, ...]

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for theme in self.themes:
            for code in theme.codes:
                if code.id in seen:
                    raise DataError(f"codebook {self.name}: code {code.id!r} appears twice")
                seen.add(code.id)

    def theme_of(self, code_id: str) -> Theme:
        """The theme a code belongs to."""
        for theme in self.themes:
            if any(c.id == code_id for c in theme.codes):
                return theme
        raise DataError(f"codebook {self.name}: unknown code {code_id!r}")

    def code(self, code_id: str) -> Code:
        """The code with this id."""
        for theme in self.themes:
            for code in theme.codes:
                if code.id == code_id:
                    return code
        raise DataError(f"codebook {self.name}: unknown code {code_id!r}")

    def to_frame(self) -> pd.DataFrame:
        """One row per code: theme id and title, code id, title, description and valence."""
        rows = [
            {
                "theme_id": t.id,
                "theme": t.title,
                "code_id": c.id,
                "code": c.title,
                "description": c.description,
                "valence": c.valence,
            }
            for t in self.themes
            for c in t.codes
        ]
        return pd.DataFrame(rows)
