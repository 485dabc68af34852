"""Rule-based redaction of personal data in free-text answers before they are quoted.

Survey answers quoted in a published report must not carry personal data. This module is the
simple, deterministic and offline first line of defence: regular expressions and word lists,
no model and no network. It finds

* NHS numbers (10 digits, plain or spaced/hyphenated 3-3-4) whose modulus 11 check digit is
  valid;
* UK phone numbers (01, 02, 03, 07 and 08 numbers, 10 or 11 digits, also written +44 or
  +44 (0));
* email addresses;
* full UK postcodes such as ``NG5 1PB`` or ``sw1a1aa``;
* street addresses: a house number (with any flat number before it) and a street name
  ending in a street word ("12 Acacia Avenue", "Flat 3, 45 High St"), or a street named
  after "live on", "lives at", "moved to" and the like ("lives on Acacia Avenue");
* dates of birth: a date that follows a cue such as "born", "DOB" or "date of birth" within a
  few words (a date without such a cue is left alone);
* person names: a capitalised known first name, with any surname after it, or a title and a
  capitalised word ("Dr Okafor", "Nurse Jones");
* listed terms supplied by the caller, such as ward or team names.

Each finding is replaced by a placeholder such as ``[name]`` or ``[phone]``. Where findings
overlap, the longest decides the kind (the earliest, on a tie) and one placeholder covers
them all, so that no fragment of the shorter finding is left behind. Placeholders are never
redacted again, so redacting a redacted text changes nothing.

>>> redact("My PSW Sarah rang me on 07700 900123")
'My PSW [name] rang me on [phone]'
>>> redact("I will try to keep going to the group in May")
'I will try to keep going to the group in May'

Known limits: names are found only when capitalised and either on the first-name list or
after a title; surnames written in capitals and names typed in lower case are missed. Names
that are also ordinary words (Will, May, Grace, Mark, ...) are left alone at the start of a
sentence unless a surname or a cue ("my PSW", "called", "named", "worker is") shows they are
names; months that are names (May, June, April, Jan) and words such as Art, Hope and Faith
need that evidence anywhere in a sentence.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from peerval.qual.names import (
    ABBREVIATED_TITLES as _ABBREVIATED_TITLES,
)
from peerval.qual.names import (
    AMBIGUOUS_NAMES as _AMBIGUOUS_NAMES,
)
from peerval.qual.names import (
    FIRST_NAMES,
)
from peerval.qual.names import (
    NOT_SURNAMES as _NOT_SURNAMES,
)
from peerval.qual.names import (
    PLACE_PREFIXES as _PLACE_PREFIXES,
)
from peerval.qual.names import (
    STRICT_NAMES as _STRICT_NAMES,
)
from peerval.qual.names import (
    SURNAME_PARTICLES as _SURNAME_PARTICLES,
)
from peerval.qual.names import (
    TITLES as _TITLES,
)

__all__ = ["FIRST_NAMES", "Redaction", "RedactionResult", "Redactor", "redact"]


# Characters skipped when looking back for the start of a sentence.
_SENTENCE_SKIP = " \t\r\u00a0\"'“”‘’([{*•-–—\n"
_SENTENCE_ENDS = ".!?:;…\n"

# Which kind an overlap takes when its longest matches tie on length and start.
_PRIORITY = {
    "listed_term": 0,
    "email": 1,
    "nhs_number": 2,
    "phone": 3,
    "date_of_birth": 4,
    "postcode": 5,
    "address": 6,
    "name": 7,
}

_PLACEHOLDERS = {
    "name": "[name]",
    "nhs_number": "[NHS number]",
    "phone": "[phone]",
    "email": "[email]",
    "postcode": "[postcode]",
    "date_of_birth": "[date]",
    "listed_term": "[place]",
    "address": "[address]",
}

_PLACEHOLDER_RE = re.compile(
    "|".join(re.escape(p) for p in sorted(set(_PLACEHOLDERS.values()), key=len, reverse=True))
)

_WORD_RE = re.compile(r"[^\W\d_]+(?:(?:['’]|-)(?=[A-ZÀ-ÖØ-Þ])[^\W\d_]+)*")

_NHS_RE = re.compile(r"(?<![0-9])[0-9]{3}([ \-]?)[0-9]{3}\1[0-9]{4}(?![0-9])")

_PHONE_RE = re.compile(
    r"(?:(?:\+44|(?<![0-9+])0044)[ \-]?(?:\(0\)[ \-]?)?"  # +44, 0044 or +44 (0)
    r"|\(?(?<![0-9+])0)"  # or a national 0, perhaps in brackets
    r"[1-378]"  # 01, 02, 03, 07, 08 numbers
    r"(?:(?:[ \-.]|\)[ ]?)?[0-9]){8,9}"  # the rest, with single separators between digits
    r"(?![0-9])"
)

_EMAIL_RE = re.compile(
    r"[\w!#$%&'*+/=?^`{|}~.\-]{1,64}"
    r"@"
    r"(?:[^\W_](?:[\w\-]{0,61}[^\W_])?\.)+"
    r"[^\W\d_](?:[\w\-]{0,61}[^\W_])?"
)

_POSTCODE_RE = re.compile(
    r"(?<![A-Za-z])"
    r"[A-PR-UWYZ](?:[0-9][0-9]?|[A-HK-Y][0-9][0-9]?|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY])"
    r" ?"
    r"(?P<inward>[0-9][ABD-HJLNP-UW-Z]{2})"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)
_ORDINAL_RE = re.compile(r"[0-9](?:st|nd|rd|th)", re.IGNORECASE)

_STREET_WORD = (
    r"(?:(?:Road|Street|Lane|Avenue|Close|Drive|Way|Crescent|Court|Place|Gardens|Terrace"
    r"|Grove|Hill|Row|Square|Walk|Mews|Parade|Rise|Vale|View|Green|Fields|Park|Wharf|Yard"
    r"|Brow|Croft|Meadows?|Chase)\b"
    r"|(?:Rd|St|Ln|Ave|Cl|Dr|Ct|Pl|Gdns|Terr|Gr|Sq|Cres)\b\.?)"
)
# one to three capitalised words (St. for Saint allowed) before the street word
_STREET_NAME = r"(?:(?:St\.?\s+)?[A-Z][a-zA-Z'’\-]+\s+){1,3}" + _STREET_WORD
_ADDRESS_RE = re.compile(
    r"(?<![\w/])(?:(?:[Ff]lat|[Aa]partment|[Uu]nit)\s+[0-9]{1,4}[A-Za-z]?,?\s+)?"
    r"[0-9]{1,4}[A-Za-z]?(?:-[0-9]{1,4})?,?\s+" + _STREET_NAME
)
_ADDRESS_CUE_RE = re.compile(
    r"(?<![^\W\d_])(?:live[sd]?|living|lived|moved|move|stay(?:s|ed|ing)?|address(?: is)?)"
    r"\s+(?:on|at|in|to|is)\s+(?:the\s+)?(?=[A-Z])"
)
_CUED_STREET_RE = re.compile(_STREET_NAME)

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
)
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?:\.?,?\s+(?:(?:19|20)[0-9]{2}|'?[0-9]{2})(?![0-9]))"
_DATE_RE = re.compile(
    r"(?<![0-9])(?:"
    r"[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-](?:[0-9]{4}|[0-9]{2})"  # 12/03/1980, 1/2/80
    r"|(?:19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}"  # 1980-03-12
    rf"|{_DAY}(?:\s+of)?\s+{_MONTH}{_YEAR}?"  # 12 March 1980, 12th of March
    rf"|(?<![^\W\d_]){_MONTH}\.?\s+{_DAY}{_YEAR}?"  # March 12, 1980
    r")(?![0-9])",
    re.IGNORECASE,
)
# A date-of-birth cue, then at most five words without digits, brackets or sentence ends.
_DOB_CUE_RE = re.compile(
    r"(?<![^\W\d_])(?:born|d\.?o\.?b\b\.?|date\s+of\s+birth|birth\s*date|birthday|b-?day)(?![a-z])"
    r"[\s:,\-–]*(?:[^\s.!?0-9\[\]]+\s+){0,5}[(\"'“‘]*$",
    re.IGNORECASE,
)
_DOB_WINDOW = 80

_ROLE = (
    r"PSW|peer(?:[ \-]support)?(?:[ \-](?:worker|supporter|mentor))?|support[ \-]worker"
    r"|key[ \-]?worker|care[ \-]co-?ordinator|worker|supporter|mentor|befriender|volunteer"
    r"|nurse|doctor|GP|OT|therapist|counsellor|psychiatrist|psychologist|coordinator"
)
# Words just before a capitalised word that show it is a person's name.
_NAME_CUE_RE = re.compile(
    rf"(?<![^\W\d_])(?:(?:{_ROLE})(?:\s+(?:is|was|called|named))?|called|named"
    r"|name(?:\s+is|\s+was|['’]s)|thanks(?:\s+to)?|thank\s+you|dear|hi|hello|hiya)"
    r"[\s,:;\"'“‘(\-–—]*$",
    re.IGNORECASE,
)
_NAME_CUE_WINDOW = 60

_NAME_GAP_RE = re.compile(r"[ \t\u00a0]+")
_AFTER_ABBREVIATION_GAP_RE = re.compile(r"\.?[ \t\u00a0]+|\.")


@dataclass(frozen=True)
class Redaction:
    """One redacted span: its kind and where it was in the original text."""

    kind: str  # name, nhs_number, phone, email, postcode, date_of_birth or listed_term
    start: int
    end: int
    text: str  # the original text of the span


@dataclass(frozen=True)
class RedactionResult:
    """The redacted text and the spans that were replaced, in order of position."""

    text: str
    redactions: tuple[Redaction, ...]


@dataclass(frozen=True)
class _Candidate:
    """A span one rule found, before overlaps are settled."""

    start: int
    end: int
    kind: str


def _fold(word: str) -> str:
    """Lower case without accents and with plain apostrophes, for list look-ups."""
    decomposed = unicodedata.normalize("NFKD", word.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _is_capitalised(word: str) -> bool:
    """An upper-case first letter and at least one lower-case letter ("Sarah", not "NHS")."""
    return word[:1].isupper() and any(c.islower() for c in word[1:])


def _is_initial(word: str) -> bool:
    """A single capital letter, as in "J. Patel"."""
    return len(word) == 1 and word.isupper()


def _nhs_check_digit_is_valid(digits: str) -> bool:
    """The modulus 11 check: weights 10 down to 2 over the first nine digits."""
    total = sum(
        int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True)
    )
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


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

    ``extra_terms`` are words or phrases (ward, team or place names) redacted wherever they
    appear as whole words, in any case, as ``[place]``. ``first_names`` replaces the built-in
    list of first names (:data:`FIRST_NAMES`); pass ``FIRST_NAMES | {...}`` to extend it.
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
        if first_names is None:
            self._first_names = FIRST_NAMES
        else:
            self._first_names = frozenset(
                _fold(name) for name in _terms_from(first_names, "first_names")
            )

    def redact(self, text: str) -> RedactionResult:
        """Redact ``text``; offsets in the result refer to ``text`` as given."""
        if not isinstance(text, str):
            raise TypeError(f"can only redact a str, not {type(text).__name__}")
        candidates = self._candidates(text)
        kept = _resolve_overlaps(candidates, protected=_placeholder_spans(text))
        pieces: list[str] = []
        position = 0
        for candidate in kept:
            pieces.append(text[position : candidate.start])
            pieces.append(_PLACEHOLDERS[candidate.kind])
            position = candidate.end
        pieces.append(text[position:])
        redactions = tuple(Redaction(c.kind, c.start, c.end, text[c.start : c.end]) for c in kept)
        return RedactionResult("".join(pieces), redactions)

    # -- finding candidates ------------------------------------------------------------------

    def _candidates(self, text: str) -> list[_Candidate]:
        """Everything every rule finds, overlaps and all."""
        found: list[_Candidate] = []
        if self._terms_re is not None:
            found += [
                _Candidate(m.start(), m.end(), "listed_term") for m in self._terms_re.finditer(text)
            ]
        found += [_Candidate(m.start(), m.end(), "email") for m in _EMAIL_RE.finditer(text)]
        found += [
            _Candidate(m.start(), m.end(), "nhs_number")
            for m in _NHS_RE.finditer(text)
            if _nhs_check_digit_is_valid(re.sub(r"[ \-]", "", m.group()))
        ]
        found += [_Candidate(m.start(), m.end(), "phone") for m in _PHONE_RE.finditer(text)]
        found += [
            _Candidate(m.start(), m.end(), "date_of_birth")
            for m in _DATE_RE.finditer(text)
            if _DOB_CUE_RE.search(text[max(0, m.start() - _DOB_WINDOW) : m.start()])
        ]
        found += [
            _Candidate(m.start(), m.end(), "postcode")
            for m in _POSTCODE_RE.finditer(text)
            if not (_ORDINAL_RE.fullmatch(m.group("inward")) and m.group() != m.group().upper())
        ]
        found += [_Candidate(m.start(), m.end(), "address") for m in _ADDRESS_RE.finditer(text)]
        for cue in _ADDRESS_CUE_RE.finditer(text):
            street = _CUED_STREET_RE.match(text, cue.end())
            if street:
                found.append(_Candidate(street.start(), street.end(), "address"))
        found += self._names(text)
        return found

    def _names(self, text: str) -> list[_Candidate]:
        """Titles with a name after them, and known first names with any surname."""
        words = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text)]
        found: list[_Candidate] = []
        index = 0
        last_end = -1  # where the last name found ends
        while index < len(words):
            start, end, word = words[index]
            if word in _TITLES:
                tail_end, next_index, taken = self._tail(
                    text, words, index + 1, end, word in _ABBREVIATED_TITLES
                )
                if taken:
                    found.append(_Candidate(start, tail_end, "name"))
                    index, last_end = next_index, tail_end
                    continue
            if _is_capitalised(word) and self._is_first_name(word):
                tail_end, next_index, taken = self._tail(text, words, index + 1, end, False)
                if self._is_name_here(text, words, index, taken, last_end):
                    found.append(_Candidate(start, tail_end, "name"))
                    index, last_end = next_index, tail_end
                    continue
            index += 1
        return found

    def _is_first_name(self, word: str) -> bool:
        folded = _fold(word)
        if folded in self._first_names:
            return True
        first_part = folded.split("-", 1)[0]
        return "-" in folded and first_part in self._first_names

    def _is_name_here(
        self,
        text: str,
        words: list[tuple[int, int, str]],
        index: int,
        surnames: int,
        last_end: int,
    ) -> bool:
        """Whether the first name at ``words[index]`` is a person here, given what surrounds it.

        ``last_end`` is where the last name found ends: a word inside it is about to become a
        placeholder, so it cannot make this one part of a place.
        """
        start, _, word = words[index]
        if index > 0:
            _, previous_end, previous = words[index - 1]
            gap = text[previous_end:start]
            if (
                previous_end > last_end
                and _fold(previous) in _PLACE_PREFIXES
                and _AFTER_ABBREVIATION_GAP_RE.fullmatch(gap)
            ):
                return False
        folded = _fold(word)
        if folded not in _AMBIGUOUS_NAMES:
            return True
        if _NAME_CUE_RE.search(text[max(0, start - _NAME_CUE_WINDOW) : start]):
            return True
        if folded in _STRICT_NAMES:
            # "in May Sarah started": the next word is a name of its own, not a surname.
            if surnames and index + 1 < len(words):
                following = _fold(words[index + 1][2])
                if following in self._first_names and following not in _AMBIGUOUS_NAMES:
                    return False
            return surnames > 0
        return surnames > 0 or not _starts_sentence(text, start)

    def _tail(
        self,
        text: str,
        words: list[tuple[int, int, str]],
        index: int,
        end: int,
        dot_allowed: bool,
    ) -> tuple[int, int, int]:
        """Extend a name over initials, particles and up to two surname-like words.

        Returns the end of the name, the index of the first word after it and how many
        surname-like words were taken. The name only ever ends on a surname-like word.
        """
        best_end, best_index, taken = end, index, 0
        position = end
        while index < len(words) and taken < 2:
            start, word_end, word = words[index]
            gap = text[position:start]
            gap_re = _AFTER_ABBREVIATION_GAP_RE if dot_allowed else _NAME_GAP_RE
            if not gap_re.fullmatch(gap):
                break
            if _is_initial(word):
                dot_allowed = True
            elif word in _SURNAME_PARTICLES:
                dot_allowed = False
            elif _is_capitalised(word) and _fold(word) not in _NOT_SURNAMES and word not in _TITLES:
                taken += 1
                best_end, best_index = word_end, index + 1
                dot_allowed = False
            else:
                break
            position = word_end
            index += 1
        return best_end, best_index, taken


def _starts_sentence(text: str, position: int) -> bool:
    """Whether ``position`` opens a sentence, a line or the text (after quotes and bullets)."""
    index = position
    while index > 0 and text[index - 1] in _SENTENCE_SKIP:
        if text[index - 1] == "\n":
            return True
        index -= 1
    return index == 0 or text[index - 1] in _SENTENCE_ENDS


def _placeholder_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` already holds placeholders, in order."""
    return [(m.start(), m.end()) for m in _PLACEHOLDER_RE.finditer(text)]


def _resolve_overlaps(
    candidates: list[_Candidate], protected: list[tuple[int, int]]
) -> list[_Candidate]:
    """Turn candidates into non-overlapping spans, in order of position.

    Candidates that overlap (directly or through a chain) form one span covering all of
    them, so that no part of a beaten match is left in the text. The span takes the kind of
    its longest member; of equally long members, the earliest; then the kind first in
    ``_PRIORITY``. Candidates touching an existing placeholder are dropped.
    """
    protected_starts = [start for start, _ in protected]
    usable: list[_Candidate] = []
    for candidate in candidates:
        slot = bisect.bisect_left(protected_starts, candidate.end)
        if slot > 0 and protected[slot - 1][1] > candidate.start:
            continue
        usable.append(candidate)
    usable.sort(key=lambda c: (c.start, c.end))
    groups: list[list[_Candidate]] = []
    group_end = -1
    for candidate in usable:
        if groups and candidate.start < group_end:
            groups[-1].append(candidate)
            group_end = max(group_end, candidate.end)
        else:
            groups.append([candidate])
            group_end = candidate.end
    spans: list[_Candidate] = []
    for group in groups:
        best = min(group, key=lambda c: (c.start - c.end, c.start, _PRIORITY[c.kind]))
        spans.append(_Candidate(group[0].start, max(c.end for c in group), best.kind))
    return spans


@lru_cache(maxsize=1)
def _default_redactor() -> Redactor:
    """One shared default :class:`Redactor`, made on first use."""
    return Redactor()


def redact(text: str) -> str:
    """Redact ``text`` with the default :class:`Redactor` and return the redacted text."""
    return _default_redactor().redact(text).text
