"""Keeping personal data out of keywords.

Quotes are redacted as a whole; keywords are single words and phrases taken out of context,
so they are screened instead. A term is never a keyword when

* it starts with an abbreviated title ("dr", "mrs"...), which is almost always followed by a
  surname;
* the redactor finds something in it as written, or in any of its words capitalised
  ("sarah" is checked as "Sarah"), which catches first names and listed places;
* one of its words lies inside a redacted span in at least half of its occurrences in the
  comments that contain the term (at most :data:`SAMPLE` of them are read), which catches
  surnames ("Jones" in "Sarah Jones") and words of listed terms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from scipy import sparse

from peerval.qual.redact import Redactor

__all__ = ["SAMPLE", "KeywordScreen"]

#: how many comments containing a term are read to see whether its words get redacted
SAMPLE = 20
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "miss", "prof"})


class KeywordScreen:
    """Decides, term by term, whether a keyword may be shown."""

    def __init__(
        self,
        redactor: Redactor,
        texts: Sequence[str],
        counts: sparse.csr_matrix,
        terms: Sequence[str],
    ) -> None:
        self._redactor = redactor
        self._texts = texts
        self._by_term = sparse.csc_matrix(counts)
        self._column = {str(term): index for index, term in enumerate(terms)}
        self._words: dict[str, bool] = {}

    def allowed(self, term: str) -> bool:
        """Whether ``term`` may be shown as a keyword."""
        words = term.split()
        if not words or words[0] in _TITLES or self._redactor.redact(term).redactions:
            return False
        if any(self._redactor.redact(word.title()).redactions for word in words):
            return False
        return not any(self._mostly_redacted(word, term) for word in words)

    def _mostly_redacted(self, word: str, term: str) -> bool:
        """Whether ``word`` sits inside redactions in at least half of its occurrences."""
        if word in self._words:
            return self._words[word]
        column = self._column.get(word, self._column.get(term))
        if column is None:
            return False
        start, end = self._by_term.indptr[column], self._by_term.indptr[column + 1]
        pattern = re.compile(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", re.IGNORECASE)
        inside = total = 0
        for row in self._by_term.indices[start:end][:SAMPLE]:
            text = self._texts[int(row)]
            spans = [(r.start, r.end) for r in self._redactor.redact(text).redactions]
            for match in pattern.finditer(text):
                total += 1
                inside += any(s <= match.start() and match.end() <= e for s, e in spans)
        self._words[word] = total > 0 and 2 * inside >= total
        return self._words[word]
