"""Spans found by the redaction rules, their placeholders, and how overlaps are settled."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

__all__ = ["PLACEHOLDERS", "Candidate", "placeholder_spans", "resolve_overlaps"]

# Which kind an overlap takes when its longest matches tie on length and start.
_PRIORITY = {
    "listed_term": 0,
    "email": 1,
    "nhs_number": 2,
    "phone": 3,
    "date_of_birth": 4,
    "postcode": 5,
    "address": 6,
    "place": 7,
    "name": 8,
}

#: what each kind of finding is replaced with
PLACEHOLDERS = {
    "name": "[name]",
    "nhs_number": "[NHS number]",
    "phone": "[phone]",
    "email": "[email]",
    "postcode": "[postcode]",
    "date_of_birth": "[date]",
    "listed_term": "[place]",
    "place": "[place]",
    "address": "[address]",
}

_PLACEHOLDER_RE = re.compile(
    "|".join(re.escape(p) for p in sorted(set(PLACEHOLDERS.values()), key=len, reverse=True))
)


@dataclass(frozen=True)
class Candidate:
    """A span one rule found, before overlaps are settled, with the rule's reason."""

    start: int
    end: int
    kind: str
    reason: str


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` already holds placeholders, in order."""
    return [(m.start(), m.end()) for m in _PLACEHOLDER_RE.finditer(text)]


def resolve_overlaps(
    candidates: list[Candidate], protected: list[tuple[int, int]]
) -> list[Candidate]:
    """Turn candidates into non-overlapping spans, in order of position.

    Candidates that overlap (directly or through a chain) form one span covering all of
    them, so that no part of a beaten match is left in the text. The span takes the kind and
    reason of its longest member; of equally long members, the earliest; then the kind first
    in the priority order (listed terms, emails, NHS numbers, phones, dates of birth,
    postcodes, addresses, places, names). Candidates touching a placeholder are dropped.
    """
    protected_starts = [start for start, _ in protected]
    usable: list[Candidate] = []
    for candidate in candidates:
        slot = bisect.bisect_left(protected_starts, candidate.end)
        if slot > 0 and protected[slot - 1][1] > candidate.start:
            continue
        usable.append(candidate)
    usable.sort(key=lambda c: (c.start, c.end))
    groups: list[list[Candidate]] = []
    group_end = -1
    for candidate in usable:
        if groups and candidate.start < group_end:
            groups[-1].append(candidate)
            group_end = max(group_end, candidate.end)
        else:
            groups.append([candidate])
            group_end = candidate.end
    spans: list[Candidate] = []
    for group in groups:
        best = min(group, key=lambda c: (c.start - c.end, c.start, _PRIORITY[c.kind]))
        spans.append(Candidate(group[0].start, max(c.end for c in group), best.kind, best.reason))
    return spans
