"""Synthetic comments for the discovery tests: our own words, no real people.

Each topic has ten words of its own; a comment on a topic takes four of them and two words
shared by every topic, in a random order. Random comments take six words from all the lists
at once, so they have no topics at all.
"""

from __future__ import annotations

import numpy as np

TOPIC_WORDS = {
    "waiting": (
        "waiting", "wait", "appointment", "delay", "hours", "queue", "slow", "late",
        "months", "reception",
    ),
    "staff": (
        "kind", "caring", "friendly", "staff", "nurses", "listened", "compassionate",
        "helpful", "respectful", "warm",
    ),
    "food": (
        "food", "meals", "lunch", "dinner", "breakfast", "tasty", "menu", "portions",
        "drinks", "snacks",
    ),
}  # fmt: skip
SHARED_WORDS = (
    "really", "ward", "service", "felt", "today", "experience", "visit", "overall", "place",
    "people", "week", "always",
)  # fmt: skip


def topic_comment(rng: np.random.Generator, topic: str) -> str:
    """One comment about ``topic``."""
    words = [*rng.choice(TOPIC_WORDS[topic], 4, replace=False)]
    words += [*rng.choice(SHARED_WORDS, 2, replace=False)]
    rng.shuffle(words)
    return " ".join(str(w) for w in words).capitalize() + "."


def topic_comments(n_per_topic: int, seed: int = 0) -> tuple[list[str], list[str]]:
    """``n_per_topic`` comments on each topic, topics interleaved; the texts and their topics."""
    rng = np.random.default_rng(seed)
    texts, topics = [], []
    for _ in range(n_per_topic):
        for topic in TOPIC_WORDS:
            texts.append(topic_comment(rng, topic))
            topics.append(topic)
    return texts, topics


def random_comments(n: int, seed: int = 0) -> list[str]:
    """``n`` comments of six words drawn from every list at once: no topics at all."""
    rng = np.random.default_rng(seed)
    vocabulary = [w for words in TOPIC_WORDS.values() for w in words] + list(SHARED_WORDS)
    return [
        " ".join(str(w) for w in rng.choice(vocabulary, 6, replace=False)).capitalize() + "."
        for _ in range(n)
    ]
