"""Redaction of personal data in free-text answers before they are quoted.

Survey answers quoted in a published report must not carry personal data. This package is
the deterministic and offline line of defence: patterns, word lists and the words around a
finding, no model and no network. It finds

* NHS numbers (10 digits, plain or spaced 3-3-4 or 3-4-3) whose modulus 11 check digit is
  valid;
* UK phone numbers (01, 02, 03, 07 and 08 numbers, 10 or 11 digits, also written +44 or
  +44 (0)); short helplines such as 116 123 or 111 are left alone;
* email addresses and full UK postcodes such as ``NG5 1PB`` or ``sw1a1aa``;
* street addresses ("12 Acacia Avenue", "Flat 3, 45 High St", "Flat 4, Mercer Court"), or a
  street named after "live on", "lives at", "moved to" and the like;
* dates of birth: a date that follows a cue such as "born", "DOB" or "date of birth" within a
  few words ("DOB: 12-Mar-1984"); a date without such a cue is left alone;
* people's names (:mod:`peerval.qual.redact.people`): after a title, known first names in
  any case, and any capitalised word in a naming position ("my PSW Baz", "Kemi Adeyemi the
  peer worker");
* named places (:mod:`peerval.qual.redact.places`): "Rowan Ward", "Ward 7", "Oakwood
  Hospital", "St Luke's", "Bluebell House", but not kinds of service ("the Crisis House",
  "Recovery College");
* listed terms supplied by the caller: the evaluation's wards, teams, sites and care groups.

Each finding is replaced by a placeholder such as ``[name]`` or ``[phone]`` and keeps the
reason its rule gives, so that a reviewer can see why a word went. Where findings overlap,
the longest decides the kind and one placeholder covers them all. Placeholders are never
redacted again, so redacting a redacted text changes nothing.

>>> redact("My PSW Sarah rang me on 07700 900123")
'My PSW [name] rang me on [phone]'
>>> redact("honestly the peer mentor Ifeoma got me through my time on Rowan Ward")
'honestly the peer mentor [name] got me through my time on [place]'
>>> redact("I will try to keep going to the group in May")
'I will try to keep going to the group in May'

Known limits: a name not on the first-name list is found only in a naming position, and in
lower case only when it is on the list; first names that are also words ("Will", "May",
"Hope") stay at the start of a sentence without a surname, a cue, a role or a verb that only
a person does after them.
"""

from __future__ import annotations

from peerval.qual.names import FIRST_NAMES
from peerval.qual.redact.redactor import Redaction, RedactionResult, Redactor, redact

__all__ = ["FIRST_NAMES", "Redaction", "RedactionResult", "Redactor", "redact"]
