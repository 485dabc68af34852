"""Named places: wards, hospitals, units, houses and saints' names, found by pattern.

A place word ("Ward", "Hospital", "Unit", "House", "Centre"...) makes the one to three
capitalised words before it a place, unless they are generic ("the Crisis House", "Recovery
College", "the Mental Health Unit"); in lower case only "ward" and "hospital" do, after a
single word that is not generic ("on cedar ward"). "Ward 7" and "St Luke's" are places too.
"""

from __future__ import annotations

import re

from peerval.qual.names import GENERIC_PLACE_WORDS, NOT_SURNAMES
from peerval.qual.redact.people import zipf
from peerval.qual.redact.spans import Candidate

__all__ = ["places"]

_PLACE_WORD_RE = re.compile(
    r"(?<![^\W\d_])(?:ward|hospital|unit|house|centre|center|clinic|lodge|infirmary|suite"
    r"|villa|surgery)(?![^\W\d_])",
    re.IGNORECASE,
)
_LOWER_PLACE_WORDS = frozenset({"ward", "hospital"})
_NUMBERED_WARD_RE = re.compile(
    r"(?<![^\W\d_])[Ww]ard\s+(?:[0-9]{1,3}[A-Za-z]?|[A-HJ-Z])(?![^\W\d_]|[0-9])"
)
_SAINT_RE = re.compile(r"(?<![^\W\d_])(?:St\.?|Saint)[ \t]+[A-Z][a-z]+(?:['’]s)?(?![^\W\d_])")
# the word just before a place word, ending where the gap before the place word starts
_WORD_BEFORE_RE = re.compile(r"([^\W\d_][\w\-]*(?:['’]s)?)([ \t]+)$")
_STOP_WORDS = NOT_SURNAMES - {"st", "saint"}


def _name_words_before(text: str, end: int, lower: bool) -> int | None:
    """Where the place's name starts, walking back from ``end``; None where it has none.

    Up to three capitalised words; generic ones ("Resource", "Day") only after a word that
    is not ("Greenacres Resource Centre"), so that "the Crisis House" is no place.
    """
    start: int | None = None
    for first in (True, False, False):
        match = _WORD_BEFORE_RE.search(text, max(0, end - 40), end)
        if not match:
            break
        word = match.group(1)
        folded = word.casefold().replace("’", "'").removesuffix("'s")
        if word[0].isupper() and folded in GENERIC_PLACE_WORDS:
            end = match.start(1)
            continue
        if folded in _STOP_WORDS or folded in GENERIC_PLACE_WORDS:
            break
        if word[0].isupper():
            start = end = match.start(1)
            continue
        if lower and first and zipf(word) < 4.5:  # "cedar ward", not "off ward"
            start = match.start(1)
        break
    return start


def places(text: str) -> list[Candidate]:
    """Every named place the patterns find in ``text``."""
    found: list[Candidate] = []
    for match in _PLACE_WORD_RE.finditer(text):
        lower = match.group().islower() and match.group() in _LOWER_PLACE_WORDS
        if not (match.group()[0].isupper() or lower):
            continue
        start = _name_words_before(text, match.start(), lower)
        if start is not None:
            found.append(Candidate(start, match.end(), "place", f"a name before '{match.group()}'"))
    found += [
        Candidate(m.start(), m.end(), "place", "a numbered ward")
        for m in _NUMBERED_WARD_RE.finditer(text)
    ]
    found += [
        Candidate(m.start(), m.end(), "place", "a saint's name") for m in _SAINT_RE.finditer(text)
    ]
    return found
