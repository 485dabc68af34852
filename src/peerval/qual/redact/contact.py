"""Contact details and identifiers: NHS numbers, phones, emails, postcodes, addresses and
dates of birth, found by pattern."""

from __future__ import annotations

import re

from peerval.qual.redact.spans import Candidate

__all__ = ["contact_details"]

# a lookahead, so that a run of digits failing the check does not hide one after it
_NHS_RE = re.compile(
    r"(?<![0-9])(?=(?P<number>"
    r"[0-9]{3}([ \-]?)[0-9]{3}\2[0-9]{4}"  # 943 476 5919, 9434765919
    r"|[0-9]{3}([ \-])[0-9]{4}\3[0-9]{3}"  # 943 4765 919
    r")(?![0-9]))"
)

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
_FLAT = r"(?:[Ff]lat|FLAT|[Aa]partment|[Aa]pt\.?|[Uu]nit|[Rr]oom)\s+[0-9]{1,4}[A-Za-z]?"
_ADDRESS_RE = re.compile(
    rf"(?<![\w/])(?:{_FLAT},?\s+)?"
    r"[0-9]{1,4}[A-Za-z]?(?:-[0-9]{1,4})?,?\s+" + _STREET_NAME
)
# a flat in a named building: "Flat 4, Mercer Court", "flat 12 Albion House"
_BUILDING_WORD = (
    r"(?:Court|House|Mansions|Towers?|Lodge|Heights|Point|Block|Buildings|Apartments|Hall"
    r"|Place|Gardens|Close|Mews|Villas?|Terrace|Wharf)\b"
)
_FLAT_IN_BUILDING_RE = re.compile(
    rf"(?<![\w/]){_FLAT},?\s+(?:[A-Z][a-zA-Z'’\-]+\s+){{1,3}}{_BUILDING_WORD}"
)
# the same in lower case, where no word between number and street word is a small word
# ("41 quarry bank road", not "5 minutes down the road")
_LOWER_ADDRESS_RE = re.compile(
    r"(?<![\w/])[0-9]{1,4}[a-z]?,?\s+"
    r"(?:(?!(?:the|a|an|my|to|of|down|up|along|on|in|at|from|and|or|by|min|mins|minutes?"
    r"|hours?|miles?|doors?|stops?|times?|days?|weeks?|years?)\b)[a-z][a-z'’\-]+\s+){1,3}"
    r"(?:road|street|lane|avenue|close|drive|crescent|grove|terrace|gardens)\b"
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
_YEAR = r"(?:(?:\.?,?\s+|[\-/.])(?:(?:19|20)[0-9]{2}|'?[0-9]{2})(?![0-9]))"
_DATE_RE = re.compile(
    r"(?<![0-9])(?:"
    r"[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-](?:[0-9]{4}|[0-9]{2})"  # 12/03/1980, 1/2/80
    r"|(?:19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}"  # 1980-03-12
    rf"|{_DAY}(?:\s+of\s+|\s+|[\-/.]){_MONTH}{_YEAR}?"  # 12 March 1980, 12-Mar-1984
    rf"|(?<![^\W\d_]){_MONTH}\.?\s+{_DAY},?{_YEAR}?"  # March 12, 1980
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


def _nhs_check_digit_is_valid(digits: str) -> bool:
    """The modulus 11 check: weights 10 down to 2 over the first nine digits."""
    total = sum(
        int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True)
    )
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def contact_details(text: str) -> list[Candidate]:
    """Every identifier and contact detail the patterns find in ``text``, overlaps and all."""
    found = [
        Candidate(m.start(), m.end(), "email", "an email address") for m in _EMAIL_RE.finditer(text)
    ]
    found += [
        Candidate(
            m.start(), m.end("number"), "nhs_number", "ten digits with a valid NHS check digit"
        )
        for m in _NHS_RE.finditer(text)
        if _nhs_check_digit_is_valid(re.sub(r"[ \-]", "", m.group("number")))
    ]
    found += [
        Candidate(m.start(), m.end(), "phone", "a UK phone number")
        for m in _PHONE_RE.finditer(text)
    ]
    found += [
        Candidate(m.start(), m.end(), "date_of_birth", "a date after a birth cue")
        for m in _DATE_RE.finditer(text)
        if _DOB_CUE_RE.search(text[max(0, m.start() - _DOB_WINDOW) : m.start()])
    ]
    found += [
        Candidate(m.start(), m.end(), "postcode", "a full UK postcode")
        for m in _POSTCODE_RE.finditer(text)
        if not (_ORDINAL_RE.fullmatch(m.group("inward")) and m.group() != m.group().upper())
    ]
    found += [
        Candidate(m.start(), m.end(), "address", "a house number and street")
        for m in _ADDRESS_RE.finditer(text)
    ]
    found += [
        Candidate(m.start(), m.end(), "address", "a house number and street in lower case")
        for m in _LOWER_ADDRESS_RE.finditer(text)
    ]
    found += [
        Candidate(m.start(), m.end(), "address", "a flat in a named building")
        for m in _FLAT_IN_BUILDING_RE.finditer(text)
    ]
    for cue in _ADDRESS_CUE_RE.finditer(text):
        street = _CUED_STREET_RE.match(text, cue.end())
        if street:
            found.append(
                Candidate(street.start(), street.end(), "address", "a street after 'lives on'")
            )
    return found
