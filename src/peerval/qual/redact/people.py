"""People's names in free text, found from word lists and from where a word stands.

A word is taken as a person's name when

* a title comes before it ("Dr Okafor", "Nurse Jones", "Auntie Bev");
* it is a known first name, capitalised ("Sarah"), in capitals ("DAVID SMITH") or in lower
  case ("my psw sarah"); first names that are also ordinary words ("Will", "May", "Rose")
  need a surname, a cue or a verb that only a person does ("Rose helped me");
* it is any capitalised word in a naming position: after a role ("my PSW Baz", "the peer
  mentor Ifeoma", "called Precious") or before one ("Kemi Adeyemi the peer worker",
  "Faith from the peer team", "Jan, my PSW").

A name runs on over initials, particles and up to two surname-like capitalised words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from peerval.qual.names import (
    ABBREVIATED_TITLES,
    ACRONYMS,
    AMBIGUOUS_NAMES,
    FIRST_NAMES,
    GENERIC_PLACE_WORDS,
    NOT_NAMES,
    NOT_SURNAMES,
    PERSON_VERBS,
    PLACE_PREFIXES,
    STRICT_NAMES,
    SURNAME_PARTICLES,
    TITLES,
)
from peerval.qual.redact.spans import Candidate, placeholder_spans

__all__ = ["NameFinder", "fold", "zipf"]

# Characters skipped when looking back for the start of a sentence.
_SENTENCE_SKIP = " \t\r\u00a0\"'“”‘’([{*•-–—\n"
_SENTENCE_ENDS = ".!?:;…\n"

_WORD_RE = re.compile(r"[^\W\d_]+(?:(?:['’]|-)(?=[A-ZÀ-ÖØ-Þ])[^\W\d_]+)*")

_ROLE = (
    r"PSW|peer(?:[ \-]support)?(?:[ \-](?:worker|supporter|mentor|lead))?|support[ \-]worker"
    r"|key[ \-]?worker|care[ \-]co-?ordinator|worker|supporter|mentor|befriender|volunteer"
    r"|nurse|doctor|GP|OT|therapist|counsellor|psychiatrist|psychologist|coordinator"
    r"|consultant|social[ \-]worker|HCA|healthcare[ \-]assistant|named[ \-]nurse|CPN"
)
# Words just before a capitalised word that show it is a person's name.
_NAME_CUE_RE = re.compile(
    rf"(?<![^\W\d_])(?:(?:{_ROLE})(?:\s+(?:is|was|called|named))?|called|named"
    r"|name(?:\s+is|\s+was|['’]s)|thanks(?:\s+to)?|thank\s+you|dear|hi|hello|hiya)"
    r"[\s,:;\"'“‘(\-–—]*$",
    re.IGNORECASE,
)
# The same without greetings: enough to make any capitalised word a name.
_ROLE_CUE_RE = re.compile(
    rf"(?<![^\W\d_])(?:(?:{_ROLE})(?:\s+(?:is|was|called|named))?|called|named"
    r"|name(?:\s+is|\s+was|['’]s))[ \t,:(\-–—]*$",
    re.IGNORECASE,
)
_CUE_WINDOW = 60
_FILLER = (
    r"(?:(?!(?:what|who|my|our|the|a|an|his|her|their|your|and|or|to|for|of|with)\b)"
    r"[\w\-]+\s+)"
)
# Words just after a name that show it is a person: "the peer worker", ", my PSW", "(PSW)",
# "is the best PSW", "from the peer team".
_LINK = r"(?:(?:who|that)\s+(?:is|was)\s+|(?:is|was)\s+|from\s+)"
_DETERMINER = r"(?:(?:my|our|the|a|an|his|her|their|your)\s+)"
_APPOSITION_RE = re.compile(
    r"[ \t]*(?:"
    rf"(?:,|\(|[\-–—])[ \t]*{_LINK}?{_DETERMINER}?{_FILLER}{{0,2}}?"  # ", my PSW", "(PSW)"
    rf"|{_LINK}{_DETERMINER}?{_FILLER}{{0,2}}?"  # "is the best PSW", "from the peer team"
    rf"|{_DETERMINER}{_FILLER}{{0,2}}?"  # "the peer worker", "my PSW"
    r")"
    rf"(?:{_ROLE}|(?:peer|PSW|nursing|OT|care|crisis|community|support|ward)\s+team)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
# The words between names in a list: "Olu and Temi", "Shauna, Dom and Lee", "Ngozi & Chuks".
_LISTED_WITH_RE = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|and[ \t]+|&[ \t]*)")
_LISTED_AFTER_RE = re.compile(r"(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and|[ \t]*&)[ \t]*$")
# Words after a capitalised word at the start of a sentence that show it is not a person.
_NOT_AFTER_NAMES = frozenset({"of", "for", "in", "on", "are", "were", "as"})
# Endings of English adjectives and nouns that names almost never have.
_WORD_ENDINGS = (
    "ing", "ness", "ment", "tion", "sion", "ful", "ous", "ive", "able", "ible", "ical", "ic",
    "ists", "ism", "ual", "ship", "less",
)  # fmt: skip
# Names that are also abstract nouns: "Hope helped me" is as likely hope as a person.
_ABSTRACT_NAMES = frozenset({"art", "faith", "grace", "hope", "joy", "patience", "mercy"})
_SURNAME_SHAPE_RE = re.compile(r"(?:Mc|Mac|O['’]|Fitz)[A-Z][a-z]")
# Abbreviated titles people type in lower case ("dr nwachukwu").
_LOWER_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof"})
_COMMON_AFTER_TITLES = frozenset({"who", "said", "was", "is", "and", "appointment", "s"})
# Words after which a capitalised word is a thing or a place rather than a person.
_BEFORE_THINGS = frozenset(
    {
        "the", "a", "an", "this", "that", "these", "those", "our", "their", "your", "its",
        "in", "at", "near", "around", "into", "via", "per", "every", "each", "any", "some",
        "no", "on", "of", "by", "about", "called", "named", "watch", "watched", "watching",
        "play", "played", "playing", "read", "reading", "use", "used", "using", "visit",
        "visited", "from", "outside", "inside", "towards", "st", "saint",
    }
)  # fmt: skip
_NAME_GAP_RE = re.compile(r"[ \t\u00a0]+")
_AFTER_ABBREVIATION_GAP_RE = re.compile(r"\.?[ \t\u00a0]+|\.")


def fold(word: str) -> str:
    """Lower case without accents and with plain apostrophes, for list look-ups."""
    decomposed = unicodedata.normalize("NFKD", word.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _is_capitalised(word: str) -> bool:
    """An upper-case first letter and at least one lower-case letter ("Sarah", not "NHS")."""
    return word[:1].isupper() and any(c.islower() for c in word[1:])


def _is_capitals(word: str) -> bool:
    """A word of two or more letters, all capitals ("DAVID")."""
    return len(word) > 1 and word.isupper()


def _is_initial(word: str) -> bool:
    """A single capital letter, as in "J. Patel"."""
    return len(word) == 1 and word.isupper()


def _rare_word(word: str) -> bool:
    """Whether ``word`` is rare as an English word (so, capitalised, likely a name)."""
    return zipf(word) < 3.0


def _is_common(word: str) -> bool:
    """Whether ``word`` is common enough in English that, capitalised inside a sentence with
    nothing else to go on, it is more likely emphasis than a name ("Brilliant", "Ambulance")."""
    return zipf(word) >= 3.3


def zipf(word: str) -> float:
    """How common ``word`` is in English: the Zipf scale of :mod:`wordfreq` (about 7 for
    "the", 3 for "punctual", under 2 for most names from outside English)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.casefold(), "en")


def _starts_sentence(text: str, position: int) -> bool:
    """Whether ``position`` opens a sentence, a line or the text (after quotes and bullets)."""
    index = position
    while index > 0 and text[index - 1] in _SENTENCE_SKIP:
        if text[index - 1] == "\n":
            return True
        index -= 1
    return index == 0 or text[index - 1] in _SENTENCE_ENDS


_Word = tuple[int, int, str]
# how a placeholder already in the text reads to the rules: a capitalised word, as the name,
# place or number it replaced would (so redacting again finds nothing new around it)
_PLACEHOLDER_WORD = "Placeholder"


def _words(text: str) -> list[_Word]:
    """The words of ``text`` with their offsets; each placeholder is one capitalised word."""
    held = placeholder_spans(text)
    words = [
        (m.start(), m.end(), m.group())
        for m in _WORD_RE.finditer(text)
        if not any(start <= m.start() < end for start, end in held)
    ]
    words += [(start, end, _PLACEHOLDER_WORD) for start, end in held]
    return sorted(words)


class NameFinder:
    """Finds people's names; ``first_names`` are lower case and without accents."""

    def __init__(self, first_names: Iterable[str] | None = None) -> None:
        self.first_names = FIRST_NAMES if first_names is None else frozenset(first_names)
        _rare_word("peer")  # load the word frequencies now, not in the middle of a text

    def find(self, text: str) -> list[Candidate]:
        """Every name in ``text``, in order, none overlapping another."""
        words = _words(text)
        found: list[Candidate] = []
        index = 0
        last_end = -1  # where the last name found ends
        while index < len(words):
            taken = self._name_at(text, words, index, last_end)
            if taken is None:
                index += 1
                continue
            end, next_index, reason = taken
            found.append(Candidate(words[index][0], end, "name", reason))
            index, last_end = next_index, end
        return self._with_names_beside(text, words, found)

    def _with_names_beside(
        self, text: str, words: list[_Word], found: list[Candidate]
    ) -> list[Candidate]:
        """Add capitalised words listed with a name found ("Olu and Temi", "Shauna, Dom and
        Lee"): people are named beside people."""
        starts = {c.start for c in found}
        ends = {c.end for c in found}
        added: list[Candidate] = []
        for _ in range(3):
            before = len(added)
            for index in range(len(words) - 1, -1, -1):
                start, end, word = words[index]
                if start in starts or word is _PLACEHOLDER_WORD or not _is_capitalised(word):
                    continue
                if any(c.start <= start < c.end for c in found + added):
                    continue
                if not (self.is_first_name(word) or self._may_be_unlisted_name(word)):
                    continue
                after = _LISTED_WITH_RE.match(text, end)
                before_match = _LISTED_AFTER_RE.search(text, 0, start)
                if (after and after.end() in starts) or (
                    before_match and before_match.start() in ends
                ):
                    added.append(Candidate(start, end, "name", "a word listed with a name"))
                    starts.add(start)
                    ends.add(end)
            if len(added) == before:
                break
        return sorted(found + added, key=lambda c: c.start)

    # -- one word ----------------------------------------------------------------------------

    def _name_at(
        self, text: str, words: list[_Word], index: int, last_end: int
    ) -> tuple[int, int, str] | None:
        """(end, index of the next word, reason) where a name starts at ``words[index]``."""
        start, end, word = words[index]
        if word is _PLACEHOLDER_WORD or text[end : end + 2] in ("'t", "’t"):
            return None  # a placeholder, or a contraction ("Couldn't")
        folded = fold(word)
        if word in TITLES:
            tail_end, next_index, surnames = self._tail(
                text, words, index + 1, end, word in ABBREVIATED_TITLES
            )
            if surnames:
                return tail_end, next_index, f"a name after the title '{word}'"
        if self._after_place_prefix(text, words, index, last_end):
            return None
        if _is_capitalised(word) and self.is_first_name(word):
            tail_end, next_index, surnames = self._tail(text, words, index + 1, end, False)
            reason = self._known_name_reason(text, words, index, surnames, tail_end)
            if reason:
                return tail_end, next_index, reason
        if (
            _is_capitals(word)
            and self._may_be_unlisted_name(word)
            and index + 1 < len(words)
            and fold(words[index + 1][2]) in PERSON_VERBS
            and _NAME_GAP_RE.fullmatch(text[end : words[index + 1][0]])
            and not self.is_first_name(word)
        ):
            return end, index + 1, f"a word in capitals before '{words[index + 1][2]}'"
        if _is_capitals(word) and folded not in ACRONYMS and self.is_first_name(word):
            tail_end, next_index, surnames = self._capitals_tail(words, index + 1, text, end)
            cue = _NAME_CUE_RE.search(text[max(0, start - _CUE_WINDOW) : start])
            if folded not in AMBIGUOUS_NAMES or surnames or cue:
                return tail_end, next_index, "a first name in capitals"
        if word.islower() and self.is_first_name(word):
            if folded not in AMBIGUOUS_NAMES:
                return end, index + 1, "a first name in lower case"
            if _ROLE_CUE_RE.search(text[max(0, start - _CUE_WINDOW) : start]):
                return end, index + 1, "a first name in lower case after a role"
        if word.islower() and folded in _LOWER_TITLES and index + 1 < len(words):
            following_start, following_end, following = words[index + 1]
            if (
                _AFTER_ABBREVIATION_GAP_RE.fullmatch(text[end:following_start])
                and self._may_be_unlisted_name(following)
                and not self.is_common(following)
            ):
                return following_end, index + 2, f"a name after the title '{word}'"
        if _is_initial(word) and index + 1 < len(words):
            following_start, _, following = words[index + 1]
            if (
                re.fullmatch(r"\.[ \t]?", text[end:following_start])
                and _is_capitalised(following)
                and self._may_be_unlisted_name(following)
            ):
                tail_end, next_index, _ = self._tail(text, words, index + 1, end, True)
                return tail_end, next_index, "an initial and a surname"
        if (
            _is_capitalised(word)
            and self._may_be_unlisted_name(word)
            and not self.is_first_name(word)
        ):
            tail_end, next_index, surnames = self._tail(text, words, index + 1, end, False)
            if _ROLE_CUE_RE.search(text[max(0, start - _CUE_WINDOW) : start]):
                return tail_end, next_index, "a capitalised word after a role"
            if _APPOSITION_RE.match(text, tail_end):
                return tail_end, next_index, "a capitalised word before a role"
            if (
                next_index < len(words)
                and fold(words[next_index][2]) in PERSON_VERBS
                and _NAME_GAP_RE.fullmatch(text[tail_end : words[next_index][0]])
            ):
                return (
                    tail_end,
                    next_index,
                    f"a capitalised word before '{words[next_index][2]}'",
                )
            if not surnames and not _is_common(word) and self._stands_alone(text, words, index):
                return end, index + 1, "a capitalised word inside a sentence"
            if _SURNAME_SHAPE_RE.match(word) or (
                surnames and _SURNAME_SHAPE_RE.match(words[index + 1][2])
            ):
                return tail_end, next_index, "a surname's shape (Mc, Mac, O')"
            if (
                _starts_sentence(text, start)
                and not (next_index < len(words) and fold(words[next_index][2]) in _NOT_AFTER_NAMES)
                and _rare_word(word)
            ):
                return tail_end, next_index, "a rare word starting a sentence"
        return None

    def _stands_alone(self, text: str, words: list[_Word], index: int) -> bool:
        """Whether a capitalised word inside a sentence stands on its own, as names do.

        Not after "the", "a", "in", "at" and the like (things and places), and not next to
        another capitalised word (titles of things: "the Hearing Voices group").
        """
        start, end, _ = words[index]
        if _starts_sentence(text, start) or index == 0:
            return False
        previous_start, previous_end, previous = words[index - 1]
        if previous == "s" and index > 1 and text[previous_start - 1 : previous_start] in "'’":
            previous = words[index - 2][2]  # "the Men's Shed"
        if fold(previous) in _BEFORE_THINGS or previous[:1].isupper():
            return False
        if re.search(r"[^\s,]", text[previous_end:start]):
            return False  # after a bracket, a quote mark, a hyphen or a number
        if index + 1 < len(words):
            following_start, _, following = words[index + 1]
            if following[:1].isupper() and _NAME_GAP_RE.fullmatch(text[end:following_start]):
                return False
        return True

    @staticmethod
    def is_common(word: str) -> bool:
        """Whether ``word`` is a common lower-case word that follows "dr" or "mr" as a word."""
        return fold(word) in _COMMON_AFTER_TITLES

    def is_first_name(self, word: str) -> bool:
        """Whether ``word`` is on the first-name list (or is a double-barrelled one)."""
        folded = fold(word)
        if folded in self.first_names:
            return True
        first_part = folded.split("-", 1)[0]
        return "-" in folded and first_part in self.first_names

    @staticmethod
    def _may_be_unlisted_name(word: str) -> bool:
        """Whether a capitalised word not on the list could be a name at all."""
        folded = fold(word)
        return not (
            folded in NOT_SURNAMES
            or folded in NOT_NAMES
            or folded in GENERIC_PLACE_WORDS
            or folded in ACRONYMS
            or word in TITLES
            or folded.endswith("ly")
            or len(folded) < 2
            or (word.endswith("s") and word[:-1].isupper())  # "PSWs"
            or folded.endswith(_WORD_ENDINGS)  # "Punctual", "Hairdressing", "Empathic"
        )

    def _after_place_prefix(self, text: str, words: list[_Word], index: int, last_end: int) -> bool:
        """Whether the word follows "St", "Queen" or the like, so it names a place.

        ``last_end`` is where the last name found ends: a word inside it is about to become a
        placeholder, so it cannot make this one part of a place.
        """
        if index == 0:
            return False
        _, previous_end, previous = words[index - 1]
        gap = text[previous_end : words[index][0]]
        return bool(
            previous_end > last_end
            and fold(previous) in PLACE_PREFIXES
            and _AFTER_ABBREVIATION_GAP_RE.fullmatch(gap)
        )

    def _known_name_reason(
        self, text: str, words: list[_Word], index: int, surnames: int, tail_end: int
    ) -> str:
        """Why the capitalised first name at ``words[index]`` is a person here, or ""."""
        start, _, word = words[index]
        folded = fold(word)
        if folded not in AMBIGUOUS_NAMES:
            return "a first name on the list"
        if _NAME_CUE_RE.search(text[max(0, start - _CUE_WINDOW) : start]):
            return f"'{word}' after a cue such as a role"
        if _APPOSITION_RE.match(text, tail_end):
            return f"'{word}' before a role"
        verb = index + 1 < len(words) and fold(words[index + 1][2]) in PERSON_VERBS
        if verb and folded not in _ABSTRACT_NAMES:
            gap = text[words[index][1] : words[index + 1][0]]
            if _NAME_GAP_RE.fullmatch(gap):
                return f"'{word}' before '{words[index + 1][2]}'"
        if folded in STRICT_NAMES:
            # "in May Sarah started": the next word is a name of its own, not a surname.
            if surnames and index + 1 < len(words):
                following = fold(words[index + 1][2])
                if following in self.first_names and following not in AMBIGUOUS_NAMES:
                    return ""
            return f"'{word}' with a surname" if surnames else ""
        if surnames:
            return f"'{word}' with a surname"
        if not _starts_sentence(text, start):
            return f"'{word}' inside a sentence"
        return ""

    # -- what follows a first word -----------------------------------------------------------

    def _tail(
        self,
        text: str,
        words: list[_Word],
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
            elif word in SURNAME_PARTICLES:
                dot_allowed = False
            elif (
                _is_capitalised(word)
                and fold(word) not in NOT_SURNAMES
                and fold(word) not in NOT_NAMES
                and word not in TITLES
            ):
                taken += 1
                best_end, best_index = word_end, index + 1
                dot_allowed = False
            else:
                break
            position = word_end
            index += 1
        return best_end, best_index, taken

    @staticmethod
    def _capitals_tail(words: list[_Word], index: int, text: str, end: int) -> tuple[int, int, int]:
        """Extend a name in capitals over up to two more words in capitals ("DAVID SMITH")."""
        best_end, best_index, taken = end, index, 0
        position = end
        while index < len(words) and taken < 2:
            start, word_end, word = words[index]
            folded = fold(word)
            if (
                not _NAME_GAP_RE.fullmatch(text[position:start])
                or not _is_capitals(word)
                or folded in ACRONYMS
                or folded in NOT_SURNAMES
                or folded in NOT_NAMES
            ):
                break
            taken += 1
            best_end, best_index = word_end, index + 1
            position = word_end
            index += 1
        return best_end, best_index, taken
