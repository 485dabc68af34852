"""Published results: what may leave the evaluation team, and nothing else.

:meth:`peerval.results.EvaluationResults.publish` applies a disclosure policy and returns a
:class:`PublishedResults`. It carries the ``results.json`` sections, already protected, as
read-only mappings and tuples, with the instruments and the policy that made them; it holds
no answer, respondent or score. The report builder accepts only this (and quotes chosen,
consented and redacted beforehand), so a report cannot show a number results.json hides.

>>> from types import MappingProxyType
>>> frozen = freeze({"scales": [{"n": 12}]})
>>> isinstance(frozen, MappingProxyType), frozen["scales"][0]["n"], thaw(frozen)
(True, 12, {'scales': [{'n': 12}]})
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from peerval.disclosure import DisclosurePolicy
from peerval.instruments.schema import Instrument
from peerval.outfiles import write_text

__all__ = ["PublishedResults", "freeze", "thaw"]

#: the sections of results.json, in the order the file gives them
SECTIONS = (
    "peerval_version",
    "evaluation",
    "disclosure",
    "respondents",
    "scales",
    "items",
    "themes",
    "likert",
    "domains",
    "fft",
    "comparisons",
    "changes",
    "parallel_items",
    "free_text",
)


def freeze(value: Any) -> Any:
    """A read-only copy: dicts become mappings that refuse writes, lists become tuples;
    NumPy scalars become Python numbers and NaN or infinity becomes None (as in JSON)."""
    if isinstance(value, Mapping):
        return MappingProxyType({str(k): freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(freeze(v) for v in value)
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def thaw(value: Any) -> Any:
    """Plain dicts and lists again, for JSON."""
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [thaw(v) for v in value]
    return value


@dataclass(frozen=True)
class PublishedResults:
    """An evaluation's results under a disclosure policy, as they may be published."""

    name: str
    waves: tuple[str, ...]
    instruments: Mapping[str, Instrument]
    policy: DisclosurePolicy
    #: the results.json sections (see :data:`SECTIONS`), read-only
    sections: Mapping[str, Any] = field(repr=False)

    def __post_init__(self) -> None:
        missing = [s for s in SECTIONS if s not in self.sections]
        if missing:
            raise ValueError(f"published results lack the section(s) {', '.join(missing)}")
        object.__setattr__(self, "instruments", MappingProxyType(dict(self.instruments)))

    def __getitem__(self, section: str) -> Any:
        return self.sections[section]

    @property
    def internal(self) -> bool:
        """True when the policy shows everything (never to be published)."""
        return self.policy.mode == "internal"

    def to_dict(self) -> dict[str, Any]:
        """results.json as plain data."""
        return thaw(self.sections)

    def to_json(self) -> str:
        """results.json as text: indented, UTF-8 characters kept, NaN written as null."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def write_json(self, path: str | Path) -> Path:
        """Write results.json whole (through a temporary file), or leave ``path`` as it was."""
        return write_text(path, self.to_json())
