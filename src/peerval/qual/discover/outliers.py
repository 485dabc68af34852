"""Comments far from the centre of their cluster, left out of the theme rather than forced in.

A comment is *distant* when its cosine similarity to its cluster's centre (the weighted mean
of the members' vectors) lies more than :data:`SPREAD` scaled median absolute deviations
below the members' median similarity: a robust outlier rule that adapts to how tight each
cluster is, whatever the representation.
"""

from __future__ import annotations

import numpy as np

__all__ = ["SPREAD", "distant_members"]

#: how many scaled median absolute deviations below the median make a comment distant
SPREAD = 3.0
_MAD_TO_SD = 1.4826  # scales the median absolute deviation to a standard deviation


def distant_members(vectors: np.ndarray, labels: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """A mask of the comments far from their cluster's centre (noise, -1, is never distant)."""
    distant = np.zeros(len(labels), dtype=bool)
    for cluster in np.unique(labels[labels >= 0]):
        members = np.flatnonzero(labels == cluster)
        centre = np.average(vectors[members], axis=0, weights=weights[members])
        centre /= max(float(np.linalg.norm(centre)), 1e-12)
        similarity = vectors[members] @ centre
        median = np.median(similarity)
        spread = _MAD_TO_SD * np.median(np.abs(similarity - median))
        distant[members[similarity < median - SPREAD * spread]] = True
    return distant
