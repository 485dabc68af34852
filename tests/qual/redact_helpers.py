"""Helpers for the redaction tests, written independently of peerval.qual.redact."""

from __future__ import annotations

import re

from peerval.qual.redact import Redactor

__all__ = ["kinds", "nhs_check_digit", "parse_marked", "redacted_spans", "with_check_digit"]


def nhs_check_digit(first_nine: str) -> int | None:
    """The NHS number check digit for nine digits, or None where no check digit exists.

    Computed from the published definition: weight the digits 10, 9, ..., 2, take the
    remainder of the sum on division by 11 and subtract it from 11; 11 becomes 0 and 10
    means the nine digits cannot start a valid NHS number.
    """
    weighted = 0
    for position, character in enumerate(first_nine):
        weighted += (10 - position) * int(character)
    value = (11 - weighted % 11) % 11
    return None if value == 10 else value


def with_check_digit(first_nine: str) -> str:
    """The ten digits of a valid NHS number starting with ``first_nine``."""
    check = nhs_check_digit(first_nine)
    if check is None:
        raise ValueError(f"{first_nine} has no valid check digit")
    return first_nine + str(check)


def kinds(text: str, redactor: Redactor | None = None) -> list[tuple[str, str]]:
    """(kind, original text) of every redaction in ``text``, in order."""
    result = (redactor or Redactor()).redact(text)
    return [(r.kind, r.text) for r in result.redactions]


def redacted_spans(text: str, redactor: Redactor | None = None) -> set[tuple[str, int, int]]:
    result = (redactor or Redactor()).redact(text)
    return {(r.kind, r.start, r.end) for r in result.redactions}


_MARK = re.compile(r"\{(?P<kind>[a-z_]+):(?P<text>[^{}]+)\}")


def parse_marked(marked: str) -> tuple[str, set[tuple[str, int, int]]]:
    """Turn "Call {phone:0115 496 0000}" into the plain text and its expected spans."""
    plain: list[str] = []
    spans: set[tuple[str, int, int]] = set()
    length = 0
    position = 0
    for match in _MARK.finditer(marked):
        before = marked[position : match.start()]
        plain.append(before)
        length += len(before)
        span_text = match.group("text")
        spans.add((match.group("kind"), length, length + len(span_text)))
        plain.append(span_text)
        length += len(span_text)
        position = match.end()
    plain.append(marked[position:])
    return "".join(plain), spans
