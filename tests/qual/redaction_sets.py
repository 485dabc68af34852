"""The labelled redaction sets in tests/qual/data/redaction, and how redaction is scored on them.

For every kind: recall is the share of marked spans wholly covered by redactions (of any
kind: what matters is that the words are gone), precision the share of redactions of that
kind that overlap a marked span; "ordinary changed" counts answers with nothing marked in
which anything was redacted. Exact is the share of marked spans found with exactly their
kind and bounds.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from peerval.qual.redact import Redactor

__all__ = ["KINDS", "answers", "measure", "parse"]

SETS = Path(__file__).resolve().parent / "data" / "redaction"
KINDS = ("name", "place", "nhs_number", "phone", "email", "postcode", "date_of_birth", "address")
_MARK = re.compile(r"\{(\w+):([^{}]+)\}")


def parse(line: str) -> tuple[str, list[tuple[str, int, int]]]:
    """The plain answer and its marked spans (kind, start, end)."""
    plain: list[str] = []
    spans: list[tuple[str, int, int]] = []
    length = position = 0
    for match in _MARK.finditer(line):
        plain.append(line[position : match.start()])
        length += match.start() - position
        spans.append((match.group(1), length, length + len(match.group(2))))
        plain.append(match.group(2))
        length += len(match.group(2))
        position = match.end()
    plain.append(line[position:])
    return "".join(plain), spans


def answers(name: str) -> list[str]:
    lines = (SETS / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def measure(name: str, redactor: Redactor, show: bool = False) -> dict[str, dict[str, float]]:
    """Per-kind counts and rates for one labelled set."""
    expected, covered, exact, predicted, overlapping = (Counter() for _ in range(5))
    ordinary = changed = 0
    for line in answers(name):
        text, spans = parse(line)
        found = redactor.redact(text).redactions
        if not spans:
            ordinary += 1
            changed += bool(found)
            if found and show:
                print(f"  over: {[(r.text, r.reason) for r in found]} in {text!r}")
        for kind, start, end in spans:
            expected[kind] += 1
            if any(r.start <= start and end <= r.end for r in found):
                covered[kind] += 1
            elif show:
                print(f"  missed {kind} {text[start:end]!r} in {text!r}")
            exact[kind] += any(
                (r.start, r.end) == (start, end) and _kind(r.kind) == kind for r in found
            )
        for r in found:
            kind = _kind(r.kind)
            predicted[kind] += 1
            if any(s < r.end and r.start < e for _, s, e in spans):
                overlapping[kind] += 1
            elif spans and show:
                print(f"  over: {r.text!r} ({r.reason}) in {text!r}")
    table = {}
    for kind in (*KINDS, "all"):
        pick = (lambda c: sum(c.values())) if kind == "all" else (lambda c, k=kind: c[k])
        e, p = pick(expected), pick(predicted)
        table[kind] = {
            "expected": e,
            "recall": pick(covered) / e if e else 1.0,
            "exact": pick(exact) / e if e else 1.0,
            "precision": pick(overlapping) / p if p else 1.0,
        }
    table["ordinary"] = {"answers": ordinary, "changed": changed}
    return table


def _kind(kind: str) -> str:
    return "place" if kind == "listed_term" else kind
