"""The most representative quotes of a theme: close to its centre, distinct, readable, redacted.

Members are ranked by cosine similarity to the theme's centre (the weighted mean of their
vectors). Comments of a readable length (:data:`SHORTEST` to :data:`LONGEST` characters)
come first; a comment almost the same as one already chosen (cosine similarity above
:data:`NEAR_DUPLICATE`) is passed over. Every quote is redacted before it is returned: the
original text never leaves this module.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np

from peerval.qual.redact import Redactor

from .result import Quote

__all__ = ["LONGEST", "NEAR_DUPLICATE", "SHORTEST", "representative_quotes"]

#: quotes between these lengths (in characters) read well out of context
SHORTEST, LONGEST = 20, 300
#: two comments more similar than this say the same thing
NEAR_DUPLICATE = 0.95


def representative_quotes(
    members: np.ndarray,
    vectors: np.ndarray,
    weights: np.ndarray,
    texts: Sequence[str],
    member_ids: Sequence[Sequence[Hashable]],
    n_quotes: int,
    redactor: Redactor,
) -> tuple[Quote, ...]:
    """Up to ``n_quotes`` redacted quotes for the theme made of the comments ``members``.

    ``vectors`` are unit-length rows for every comment; ``members`` index them (and
    ``weights``, ``texts`` and ``member_ids``).
    """
    if n_quotes <= 0 or members.size == 0:
        return ()
    theme = vectors[members].astype(np.float64)
    centre = np.average(theme, axis=0, weights=weights[members].astype(np.float64))
    centre /= max(float(np.linalg.norm(centre)), 1e-12)
    similarity = theme @ centre
    lengths = np.array([len(texts[i]) for i in members])
    readable = (lengths >= SHORTEST) & (lengths <= LONGEST)
    order = np.lexsort((members, -similarity, ~readable))
    chosen: list[int] = []
    quotes: list[Quote] = []
    for position in order:
        if len(quotes) >= n_quotes:
            break
        if chosen and float(np.max(theme[chosen] @ theme[position])) > NEAR_DUPLICATE:
            continue
        index = int(members[position])
        chosen.append(int(position))
        quotes.append(
            Quote(
                text=redactor.redact(texts[index]).text,
                comment_id=member_ids[index][0],
                count=int(weights[index]),
                similarity=float(similarity[position]),
            )
        )
    return tuple(quotes)
