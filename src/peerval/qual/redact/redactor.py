"""The redactor: every rule's findings, settled into one placeholder per span."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from peerval.qual.redact.contact import contact_details
from peerval.qual.redact.people import NameFinder, fold
from peerval.qual.redact.places import places
from peerval.qual.redact.spans import (
    PLACEHOLDERS,
    Candidate,
    placeholder_spans,
    resolve_overlaps,
)

__all__ = ["Redaction", "RedactionResult", "Redactor", "redact"]


@dataclass(frozen=True)
class Redaction:
    """One redacted span: its kind, where it was in the original text, and why."""

    kind: str  # name, place, nhs_number, phone, email, postcode, date_of_birth, address,
    #            or listed_term
    start: int
    end: int
    text: str  # the original text of the span
    reason: str = ""  # the rule that found it, in words, for a reviewer


@dataclass(frozen=True)
class RedactionResult:
    """The redacted text and the spans that were replaced, in order of position."""

    text: str
    redactions: tuple[Redaction, ...]


def _terms_from(values: Iterable[str], what: str) -> list[str]:
    """Check that ``values`` is a collection of non-blank strings and return them stripped."""
    if isinstance(values, str):
        raise TypeError(f"{what} must be a collection of strings, not a single string")
    terms: list[str] = []
    for value in values:
        if not isinstance(value, str):
            raise TypeError(f"{what} must contain strings, not {type(value).__name__}")
        if not value.strip():
            raise ValueError(f"{what} cannot contain a blank entry")
        terms.append(value.strip())
    return terms


def _term_pattern(term: str) -> str:
    """A pattern for a listed term: any spacing between its words, and whole words only.

    A term starting or ending with a letter must not touch another letter there; one starting
    or ending with a digit must not touch another digit.
    """
    body = r"\s+".join(re.escape(part) for part in term.split())
    before = after = ""
    if term[0].isalpha():
        before = r"(?<![^\W\d_])"
    elif term[0] in "0123456789":
        before = r"(?<![0-9])"
    if term[-1].isalpha():
        after = r"(?![^\W\d_])"
    elif term[-1] in "0123456789":
        after = r"(?![0-9])"
    return before + body + after


class Redactor:
    """Finds personal data in free text and replaces it with placeholders.

    ``extra_terms`` are words or phrases (the evaluation's ward, team, site or care group
    names) redacted wherever they appear as whole words, in any case, as ``[place]``.
    ``first_names`` replaces the built-in list of first names
    (:data:`~peerval.qual.names.FIRST_NAMES`); pass ``FIRST_NAMES | {...}`` to extend it.
    """

    def __init__(
        self, extra_terms: Iterable[str] = (), first_names: Iterable[str] | None = None
    ) -> None:
        terms = _terms_from(extra_terms, "extra_terms")
        self._terms_re: re.Pattern[str] | None = None
        if terms:
            alternatives = sorted(
                {_term_pattern(term) for term in terms},
                key=lambda alternative: (-len(alternative), alternative),
            )
            self._terms_re = re.compile("|".join(alternatives), re.IGNORECASE)
        names = None
        if first_names is not None:
            names = {fold(name) for name in _terms_from(first_names, "first_names")}
        self._names = NameFinder(names)

    def redact(self, text: str) -> RedactionResult:
        """Redact ``text``; offsets in the result refer to ``text`` as given."""
        if not isinstance(text, str):
            raise TypeError(f"can only redact a str, not {type(text).__name__}")
        kept = resolve_overlaps(self._candidates(text), protected=placeholder_spans(text))
        pieces: list[str] = []
        position = 0
        for candidate in kept:
            pieces.append(text[position : candidate.start])
            pieces.append(PLACEHOLDERS[candidate.kind])
            position = candidate.end
        pieces.append(text[position:])
        redactions = tuple(
            Redaction(c.kind, c.start, c.end, text[c.start : c.end], c.reason) for c in kept
        )
        return RedactionResult("".join(pieces), redactions)

    def _candidates(self, text: str) -> list[Candidate]:
        """Everything every rule finds, overlaps and all."""
        found: list[Candidate] = []
        if self._terms_re is not None:
            found += [
                Candidate(m.start(), m.end(), "listed_term", "a listed place or team name")
                for m in self._terms_re.finditer(text)
            ]
        found += contact_details(text)
        found += places(text)
        found += self._names.find(text)
        return found


@lru_cache(maxsize=1)
def _default_redactor() -> Redactor:
    """One shared default :class:`Redactor`, made on first use."""
    return Redactor()


def redact(text: str) -> str:
    """Redact ``text`` with the default :class:`Redactor` and return the redacted text."""
    return _default_redactor().redact(text).text
