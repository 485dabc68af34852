"""The two ways of working a qualitative project supports, and the phases of one of them.

``content_analysis`` suits survey free text: a fixed codebook, agreement statistics between
coders and machine suggestions are all available. ``reflexive_thematic_analysis`` suits
interviews: the researcher's own reading is the analysis, so machine suggestions are off
until the researcher turns them on, and the project records which of the six phases of
reflexive thematic analysis (Braun and Clarke) the work is in and when each was entered.
The phases are recursive: a project may go back to an earlier phase, and every entry is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from peerval.qual.codings import format_time, parse_time

__all__ = [
    "MODES",
    "PHASES",
    "PHASE_TITLES",
    "PhaseEntry",
    "allows_agreement",
    "suggestions_on_by_default",
]

MODES = ("content_analysis", "reflexive_thematic_analysis")

PHASES = (
    "familiarisation",
    "coding",
    "generating_themes",
    "reviewing_themes",
    "defining_and_naming",
    "writing_up",
)

PHASE_TITLES = {
    "familiarisation": "Familiarisation with the data",
    "coding": "Coding",
    "generating_themes": "Generating initial themes",
    "reviewing_themes": "Reviewing themes",
    "defining_and_naming": "Defining and naming themes",
    "writing_up": "Writing up",
}


def suggestions_on_by_default(mode: str) -> bool:
    """Whether a new project in this mode accepts machine suggestions without being asked."""
    return mode == "content_analysis"


def allows_agreement(mode: str) -> bool:
    """Whether agreement statistics between coders make sense in this mode.

    Reflexive thematic analysis treats the researcher's subjectivity as a resource, so
    inter-coder agreement is not part of it.
    """
    return mode == "content_analysis"


@dataclass(frozen=True)
class PhaseEntry:
    """A phase of reflexive thematic analysis, who moved the project into it, and when."""

    phase: str
    entered: datetime
    by: str

    @property
    def title(self) -> str:
        """The phase's name for people."""
        return PHASE_TITLES[self.phase]

    def to_dict(self) -> dict[str, Any]:
        """A plain dictionary."""
        return {"phase": self.phase, "entered": format_time(self.entered), "by": self.by}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PhaseEntry:
        """The entry :meth:`to_dict` describes."""
        return cls(str(data["phase"]), parse_time(data["entered"]), str(data["by"]))
