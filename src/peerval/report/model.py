"""The report model: what a report says, independent of HTML, PDF or Word.

A :class:`Report` is a title and sections; a section holds blocks. Renderers walk the
blocks; none of them computes anything, so the three formats always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Block",
    "Callout",
    "Figure",
    "Heading",
    "Items",
    "Paragraph",
    "Quote",
    "Quotes",
    "Report",
    "Section",
    "Table",
]


@dataclass
class Paragraph:
    text: str


@dataclass
class Heading:
    text: str
    level: int = 3


@dataclass
class Items:
    """A bulleted list."""

    items: list[str]


@dataclass
class Callout:
    """A highlighted note: ``draft`` (text to edit), ``warning`` or ``info``."""

    text: str
    kind: str = "info"


@dataclass
class Table:
    caption: str
    header: list[str]
    rows: list[list[str]]
    note: str | None = None


@dataclass
class Figure:
    """A chart: its Vega-Lite spec, words for people who cannot see it, and its data."""

    title: str
    alt: str
    spec: dict[str, Any]
    table: Table
    height_hint: int = 300


@dataclass
class Quote:
    text: str
    source: str


@dataclass
class Quotes:
    quotes: list[Quote]


Block = Paragraph | Heading | Items | Callout | Table | Figure | Quotes


@dataclass
class Section:
    id: str
    title: str
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> Section:
        self.blocks.extend(blocks)
        return self


@dataclass
class Report:
    title: str
    subtitle: str
    date: str
    disclosure: str
    internal: bool
    sections: list[Section] = field(default_factory=list)
    #: who the report is from (the Trust), where known: the Word document's author
    organisation: str = ""

    def section(self, section_id: str) -> Section:
        """The section with this id (``KeyError`` if there is none)."""
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)
