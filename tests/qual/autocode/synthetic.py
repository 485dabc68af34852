"""Synthetic coded comments about a peer support service, written for these tests.

Each code has its own phrases; a comment joins the phrases of one or two codes, with neutral
words around them, so that a good model can recover the codes exactly.
"""

from __future__ import annotations

import numpy as np

from peerval.qual.autocode import CodedTexts

PHRASES = {
    "listening": [
        "my peer worker really listened to me",
        "she listened without judging",
        "he took time to listen and understand",
        "felt heard and understood by my peer worker",
        "listened to my story with patience",
    ],
    "waiting": [
        "waited weeks for a first appointment",
        "the waiting list was far too long",
        "nobody rang back for a month",
        "long delays before anyone saw me",
        "had to chase the referral for ages",
    ],
    "environment": [
        "the ward was noisy at night",
        "rooms were cold and shabby",
        "the lounge felt bright and clean",
        "no quiet space on the unit",
        "the garden was a calm place to sit",
    ],
    "activities": [
        "the walking group got me outside",
        "enjoyed the art sessions on Tuesdays",
        "cooking club helped my confidence",
        "went to the allotment every week",
        "the music group lifted my mood",
    ],
}
CODES = tuple(PHRASES)
FILLERS = ["", "honestly", "overall", "this year", "to be fair", "on the whole", "really"]


def comments(n: int, seed: int = 0) -> CodedTexts:
    """``n`` synthetic comments with one or two codes each."""
    rng = np.random.default_rng(seed)
    texts: list[str] = []
    labels = np.zeros((n, len(CODES)), dtype=np.int8)
    for i in range(n):
        chosen = rng.choice(len(CODES), size=1 + int(rng.random() < 0.3), replace=False)
        parts = []
        for j in chosen:
            labels[i, j] = 1
            parts.append(PHRASES[CODES[j]][rng.integers(5)])
        filler = FILLERS[rng.integers(len(FILLERS))]
        texts.append(" and ".join(parts) + (f", {filler}" if filler else ""))
    return CodedTexts(tuple(texts), CODES, labels)
