"""Hierarchical codebooks: codes with parents, definitions and inclusion/exclusion notes.

A :class:`HierarchicalCodebook` is an ordered, immutable tree of :class:`HierarchicalCode`.
It is what a qualitative project codes with; the themed :class:`peerval.qual.codebook.Codebook`
that the report uses converts into one with :meth:`HierarchicalCodebook.from_themed` (each
theme becomes a parent code that groups its codes and is not itself applied to text).

>>> book = HierarchicalCodebook((
...     HierarchicalCode("support", "Support", codable=False),
...     HierarchicalCode("practical_help", "Practical help", parent_id="support"),
... ))
>>> [c.id for c in book.children("support")]
['practical_help']
>>> book.path("practical_help")
('Support', 'Practical help')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from peerval.errors import DataError, Location

if TYPE_CHECKING:
    from peerval.qual.codebook import Codebook

__all__ = [
    "CodebookError",
    "CodebookVersion",
    "HierarchicalCode",
    "HierarchicalCodebook",
    "VALENCE_COLOURS",
]

_COLOUR = re.compile(r"^#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})$")

#: the colour a themed code's valence becomes in the hierarchical codebook (NHS palette)
VALENCE_COLOURS = {"positive": "#007F3B", "concern": "#D5281B"}


class CodebookError(DataError):
    """A codebook is inconsistent: a duplicate id, an unknown parent, a cycle, a bad colour."""


@dataclass(frozen=True)
class HierarchicalCode:
    """One code: its definition, when to apply it and when not, and where it sits in the tree.

    ``codable`` is false for a code that only groups others (such as a theme heading).
    """

    id: str
    name: str
    description: str = ""
    inclusion: str = ""
    exclusion: str = ""
    parent_id: str | None = None
    colour: str | None = None
    codable: bool = True

    def __post_init__(self) -> None:
        if not self.id or not self.id.strip():
            raise CodebookError("a code needs an id")
        if not self.name or not self.name.strip():
            raise CodebookError(f"code {self.id!r} needs a name")
        if self.colour is not None and not _COLOUR.match(self.colour):
            raise CodebookError(f"code {self.id!r}: colour {self.colour!r} is not #RRGGBB or #RGB")
        if self.parent_id == self.id:
            raise CodebookError(f"code {self.id!r} cannot be its own parent")

    def to_dict(self) -> dict[str, Any]:
        """A plain dictionary (the project file's form)."""
        return {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "inclusion": self.inclusion,
            "exclusion": self.exclusion,
            "parent_id": self.parent_id,
            "colour": self.colour,
            "codable": self.codable,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HierarchicalCode:
        """The code a :meth:`to_dict` dictionary describes."""
        try:
            return cls(
                id=str(data["id"]),
                name=str(data["name"]),
                description=str(data.get("description") or ""),
                inclusion=str(data.get("inclusion") or ""),
                exclusion=str(data.get("exclusion") or ""),
                parent_id=data.get("parent_id"),
                colour=data.get("colour"),
                codable=bool(data.get("codable", True)),
            )
        except (KeyError, TypeError) as exc:
            raise CodebookError(f"a code is missing {exc}") from None


@dataclass(frozen=True)
class HierarchicalCodebook:
    """An ordered tree of codes; parents may come after their children in ``codes``."""

    codes: tuple[HierarchicalCode, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "codes", tuple(self.codes))
        check_tree(self.codes)

    # reading -----------------------------------------------------------------------------
    def __iter__(self) -> Iterator[HierarchicalCode]:
        return iter(self.codes)

    def __len__(self) -> int:
        return len(self.codes)

    def __contains__(self, code_id: object) -> bool:
        return any(c.id == code_id for c in self.codes)

    @property
    def ids(self) -> tuple[str, ...]:
        """Every code id, in order."""
        return tuple(c.id for c in self.codes)

    def code(self, code_id: str) -> HierarchicalCode:
        """The code with this id; :class:`CodebookError` if there is none."""
        for code in self.codes:
            if code.id == code_id:
                return code
        raise CodebookError(f"unknown code {code_id!r}")

    def roots(self) -> tuple[HierarchicalCode, ...]:
        """The codes with no parent, in order."""
        return tuple(c for c in self.codes if c.parent_id is None)

    def children(self, code_id: str) -> tuple[HierarchicalCode, ...]:
        """The codes directly under ``code_id``, in order."""
        return tuple(c for c in self.codes if c.parent_id == code_id)

    def ancestors(self, code_id: str) -> tuple[HierarchicalCode, ...]:
        """The parent, grandparent... of a code, nearest first."""
        found: list[HierarchicalCode] = []
        parent = self.code(code_id).parent_id
        while parent is not None:
            code = self.code(parent)
            found.append(code)
            parent = code.parent_id
        return tuple(found)

    def path(self, code_id: str) -> tuple[str, ...]:
        """The names from the root down to the code."""
        chain = [self.code(code_id), *self.ancestors(code_id)]
        return tuple(c.name for c in reversed(chain))

    def depth_first(self) -> Iterator[tuple[int, HierarchicalCode]]:
        """Every code with its depth (0 for roots), parents before their children."""

        def walk(code: HierarchicalCode, depth: int) -> Iterator[tuple[int, HierarchicalCode]]:
            yield depth, code
            for child in self.children(code.id):
                yield from walk(child, depth + 1)

        for root in self.roots():
            yield from walk(root, 0)

    # changing (each returns a new codebook) ---------------------------------------------
    def with_code(self, code: HierarchicalCode) -> HierarchicalCodebook:
        """A codebook with ``code`` added (new id) or replaced (same id, same place)."""
        if code.id in self:
            return HierarchicalCodebook(tuple(code if c.id == code.id else c for c in self.codes))
        return HierarchicalCodebook((*self.codes, code))

    def without(self, code_id: str) -> HierarchicalCodebook:
        """A codebook without a code that has no children."""
        self.code(code_id)
        if self.children(code_id):
            raise CodebookError(f"code {code_id!r} has codes under it; move or remove them first")
        return HierarchicalCodebook(tuple(c for c in self.codes if c.id != code_id))

    def changed(self, code_id: str, **fields: Any) -> HierarchicalCodebook:
        """A codebook in which one code's fields are changed."""
        return self.with_code(replace(self.code(code_id), **fields))

    # conversion ---------------------------------------------------------------------------
    @classmethod
    def from_themed(cls, codebook: Codebook) -> HierarchicalCodebook:
        """Each theme becomes a parent code (not codable) with the theme's codes under it.

        Code ids stay the same, so codings made with the themed codebook need no change;
        a code's valence becomes its colour (:data:`VALENCE_COLOURS`). A theme whose id is
        also a code's id is refused, since the two would become one code.
        """
        codes: list[HierarchicalCode] = []
        code_ids = {c.id for t in codebook.themes for c in t.codes}
        for theme in codebook.themes:
            if theme.id in code_ids:
                raise CodebookError(
                    f"codebook {codebook.name}: theme {theme.id!r} has the id of a code"
                )
            codes.append(HierarchicalCode(theme.id, theme.title, theme.description, codable=False))
            for code in theme.codes:
                codes.append(
                    HierarchicalCode(
                        code.id,
                        code.title,
                        code.description,
                        parent_id=theme.id,
                        colour=VALENCE_COLOURS.get(code.valence),
                    )
                )
        return cls(tuple(codes))

    def to_dicts(self) -> list[dict[str, Any]]:
        """Every code as a plain dictionary, in order."""
        return [c.to_dict() for c in self.codes]

    @classmethod
    def from_dicts(cls, rows: Iterable[dict[str, Any]]) -> HierarchicalCodebook:
        """The codebook :meth:`to_dicts` describes."""
        return cls(tuple(HierarchicalCode.from_dict(r) for r in rows))


@dataclass(frozen=True)
class CodebookVersion:
    """A codebook as it stood at a moment, under a label such as ``"wave 2026"``."""

    label: str
    created: datetime
    codebook: HierarchicalCodebook


def check_tree(codes: Iterable[HierarchicalCode], file: str | None = None) -> None:
    """Raise :class:`CodebookError` for a duplicate id, an unknown parent or a cycle."""
    by_id: dict[str, HierarchicalCode] = {}
    for code in codes:
        if code.id in by_id:
            raise CodebookError(f"code id {code.id!r} appears twice", Location(file=file))
        by_id[code.id] = code
    for code in by_id.values():
        if code.parent_id is not None and code.parent_id not in by_id:
            raise CodebookError(
                f"code {code.id!r} has unknown parent {code.parent_id!r}", Location(file=file)
            )
    for code in by_id.values():
        seen = [code.id]
        parent = code.parent_id
        while parent is not None:
            if parent in seen:
                cycle = " -> ".join([*seen, parent])
                raise CodebookError(f"codes form a cycle: {cycle}", Location(file=file))
            seen.append(parent)
            parent = by_id[parent].parent_id
