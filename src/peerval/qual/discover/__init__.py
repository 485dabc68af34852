"""Theme discovery: candidate themes in uncoded free text, offered to a coder, never applied.

:func:`discover_themes` groups free-text comments that talk about the same thing and
describes each group as a *candidate theme*: keywords, size, the most representative quotes
(redacted), how stable the group is, and the ids of its comments. **Candidates are only ever
offered.** Nothing here writes codings or changes a codebook; a coder reads the candidates
and decides what, if anything, becomes a code or a theme.

How it works
------------
1. **Preparation.** Non-answers are dropped and counted: blanks, text without a letter
   (punctuation, digits), and stock phrases ("n/a", "none", "no", "nothing", "no comment",
   "did not answer", "nil", "not applicable"...). Repeats that differ only in case, spacing or
   punctuation are merged; a merged comment keeps the count and ids of all its copies, so
   it weighs as much as all of them in clustering and in a theme's size.
2. **Representation.** By default, TF-IDF of words and two-word phrases reduced by truncated
   SVD (latent semantic analysis, up to 100 dimensions), rows scaled to unit length.
   Alternatively, sentence embeddings from any function passed as ``embed``, such as
   :func:`sentence_transformer_embedder` (a local model; nothing is downloaded).
3. **Clustering with several seeds.** For every candidate setting (k for k-means, from 2 to
   the square root of the number of distinct comments and at most 15; or the minimum
   cluster size for HDBSCAN, which works on the five main dimensions of the vectors),
   ``n_seeds`` (5) runs each cluster a different random 80% of the comments (at most
   10,000; 50,000 with ``method="minibatch"``, which uses mini-batch k-means beyond 10,000;
   5,000 for HDBSCAN) and then label every comment, so that runs can be compared on the same
   comments. Capping the sample keeps large inputs affordable: beyond it, only labelling and
   text handling grow, linearly.
4. **Choosing by stability.** A setting's *stability* is the mean adjusted Rand index
   between every pair of its runs (1: the same grouping every time; 0: no more alike than
   chance). A setting qualifies when its stability is at least 0.5 (the runs agree more
   than they differ) or within ``tolerance`` (0.25) of the most stable setting's. Among the
   qualifying settings, the one that offers the most stable themes (step 5) is chosen, then
   the more stable, then the smaller. Stability alone would favour two or three coarse
   groups (a small, very reproducible group of "very good service" comments against all the
   rest is typical); counting the themes that reproduce prefers the finest grouping whose
   themes still come back.
5. **Themes.** The clusters of the run that agrees best with the others become candidates.
   A theme's *stability* is the mean, over the other runs, of its best Jaccard overlap with
   any of their clusters (0-1; read 0.85 or more as "comes back nearly the same every
   time", below 0.6 as "not reproducible"). Comments that most other runs put elsewhere,
   comments far from their cluster's centre compared with its other members, clusters
   smaller than ``min_theme_size`` and clusters less stable than ``min_stability`` (0.6)
   go to the *unclustered* remainder instead of being forced into a theme.
6. **Description.** Keywords by class-based TF-IDF (terms frequent in the theme and rare
   across themes; names of people are never keywords), and quotes closest to the theme's
   centre, distinct and of a readable length. Every quote passes through PII redaction
   (:func:`peerval.qual.redact.redact`, or the ``redactor`` given) before it is returned.

The same texts, options and ``seed`` give the same result. Too little substantive text
raises :class:`NotEnoughTextError` (a :class:`~peerval.errors.DataError`), which says how
many comments remained and how many are needed. The work runs on one thread (apart from an
embedding function, which manages its own). docs/discover.md is the user guide.

>>> phrases = ["The waiting time was far too long", "Staff were kind and caring",
...            "The food was cold and bland"]
>>> places = ["today", "this week", "as usual", "on the ward", "at the clinic", "every visit",
...           "in the evening", "last month", "on Sunday", "at lunch", "at night", "in winter"]
>>> comments = [f"{phrase} {place}" for phrase in phrases for place in places]
>>> result = discover_themes(comments + ["N/A", "nothing"], seed=1)
>>> [(theme.theme_id, theme.size, round(theme.stability, 2)) for theme in result.themes]
[('T01', 12, 1.0), ('T02', 12, 1.0), ('T03', 12, 1.0)]
>>> [theme.keywords[:3] for theme in result.themes]
[('far', 'far long', 'time'), ('caring', 'kind', 'staff'), ('bland', 'cold', 'food')]
>>> result.non_answer_ids
(36, 37)
"""

from __future__ import annotations

from .errors import DiscoveryError, NotEnoughTextError
from .pipeline import discover_themes
from .prepare import is_non_answer
from .represent import Embedder, sentence_transformer_embedder
from .result import CandidateTheme, Quote, SettingScore, ThemeDiscovery

__all__ = [
    "CandidateTheme",
    "DiscoveryError",
    "Embedder",
    "NotEnoughTextError",
    "Quote",
    "SettingScore",
    "ThemeDiscovery",
    "discover_themes",
    "is_non_answer",
    "sentence_transformer_embedder",
]
