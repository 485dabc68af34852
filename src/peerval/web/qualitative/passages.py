"""The passages of a document that a person can select without a mouse.

A survey answer is split into sentences; a transcript into its speaker turns (each turn's
offsets cover the words, not the speaker's label). Passages are found the same way on every
request, so the numbers a form sends back name the same text. Offsets are character
offsets into the document's text, end excluded, as the core counts them.

>>> [text[p.start:p.end] for text in ["She listens. I feel heard!  More time, please."]
...  for p in passages(text)]
['She listens.', 'I feel heard!', 'More time, please.']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Passage", "passages", "span_of"]

#: a sentence ends with . ! ? or an ellipsis (and any closing quote or bracket) before a
#: space, or at a line break
_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)|\n")


@dataclass(frozen=True)
class Passage:
    number: int  # from 1, in reading order
    start: int
    end: int
    speaker: str | None = None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def passages(text: str, turns: Iterable[Mapping[str, Any]] = ()) -> list[Passage]:
    """The document's passages: its speaker turns if it has any, else its sentences."""
    found: list[Passage] = []
    turns = list(turns)
    if turns:
        for turn in turns:
            span = _trimmed(text, int(turn["start"]), int(turn["end"]))
            if span:
                found.append(Passage(len(found) + 1, *span, speaker=str(turn["speaker"])))
        return found
    position = 0
    pieces = [m.end() for m in _END.finditer(text)] + [len(text)]
    for end in pieces:
        span = _trimmed(text, position, end)
        if span:
            found.append(Passage(len(found) + 1, *span))
        position = end
    return found


def span_of(chosen: Iterable[int], available: list[Passage]) -> tuple[int, int]:
    """The excerpt covering the chosen passage numbers, which must be next to each other.

    ValueError names the problem in words a person can act on.
    """
    numbers = sorted(set(chosen))
    known = {p.number: p for p in available}
    if not numbers:
        raise ValueError("Select a passage to code")
    if any(n not in known for n in numbers):
        raise ValueError("Select passages of this document")
    if numbers != list(range(numbers[0], numbers[-1] + 1)):
        raise ValueError(
            "Select passages that follow each other, or code separate passages one at a time"
        )
    return known[numbers[0]].start, known[numbers[-1]].end
