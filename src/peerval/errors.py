"""One exception tree for everything peerval raises on purpose.

::

    PeervalError                      base: catch this at the edges (CLI, web)
    ├── InstrumentError               an instrument definition is invalid or unknown
    │   ├── InstrumentNotFound        no instrument with that id in the registry
    │   └── WordingPackError          a licensed wording pack is invalid or missing
    ├── ScoringError                  responses cannot be scored against the instrument
    ├── AutocodeError                 automatic coding cannot run (qual.autocode)
    │   └── BackendUnavailable        the embeddings backend's library or model is missing
    ├── DiscoveryError                theme discovery cannot run (qual.discover)
    └── DataError                     input data is unusable
        ├── MappingError              a column-mapping file is invalid
        ├── ImportValidationError     an import failed validation; carries every problem
        └── qualitative data errors, each defined beside what it checks: CodingError,
            DocumentError, CodebookError, ProjectFileError, TranscriptError,
            RefiQdaError, ModelFileError, NotEnoughTextError

Every error has a human message; errors about a place in a file carry a
:class:`Location` so that the CLI and the web app can say exactly where.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "DataError",
    "ImportProblem",
    "ImportValidationError",
    "InstrumentError",
    "InstrumentNotFound",
    "Location",
    "MappingError",
    "PeervalError",
    "ScoringError",
    "WordingPackError",
]


@dataclass(frozen=True)
class Location:
    """Where a problem is: any of file, line, row, column, field path and item id."""

    file: str | None = None
    line: int | None = None
    row: int | None = None
    column: str | None = None
    field: str | None = None
    item: str | None = None

    def __str__(self) -> str:
        parts: list[str] = []
        if self.file:
            parts.append(self.file)
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column!r}")
        if self.field:
            parts.append(f"field {self.field}")
        if self.item and self.item != self.column:
            parts.append(f"item {self.item}")
        return ", ".join(parts)


class PeervalError(Exception):
    """Base of every error peerval raises on purpose."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        self.message = message
        self.location = location
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.location is not None and str(self.location):
            return f"{self.location}: {self.message}"
        return self.message


class InstrumentError(PeervalError):
    """An instrument definition is invalid, or cannot be used as asked."""


class InstrumentNotFound(InstrumentError):
    """No instrument with the requested id is registered."""


class WordingPackError(InstrumentError):
    """A licensed wording pack is invalid, or the instrument needs one that is missing."""


class ScoringError(PeervalError):
    """Responses cannot be scored against an instrument."""


class DataError(PeervalError):
    """Input data cannot be used."""


class MappingError(DataError):
    """A column-mapping file is invalid."""


@dataclass(frozen=True)
class ImportProblem:
    """One problem found while validating an import."""

    kind: str
    message: str
    location: Location

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class ImportValidationError(DataError):
    """An import failed validation. ``problems`` holds every problem found, in row order."""

    #: how many problems ``str()`` lists before summarising the rest
    shown = 20

    def __init__(self, problems: list[ImportProblem], file: str | None = None) -> None:
        self.problems = problems
        first = problems[0] if problems else None
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        head = f"{count} {noun} found; nothing was imported"
        super().__init__(head, first.location if first else Location(file=file))

    def __str__(self) -> str:
        lines = [self.message + ":"]
        lines += [f"  {p}" for p in self.problems[: self.shown]]
        if len(self.problems) > self.shown:
            lines.append(f"  ... and {len(self.problems) - self.shown} more")
        return "\n".join(lines)

    def first_line(self) -> str:
        """The first problem, in one line, for places that have room for only one."""
        if not self.problems:
            return self.message
        more = len(self.problems) - 1
        tail = f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""
        return f"{self.problems[0]}{tail}"
