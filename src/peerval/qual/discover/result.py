"""What theme discovery returns: candidate themes and tidy tables of them.

Everything here describes *candidates* offered to a coder. Nothing in it is a coding.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

import pandas as pd

__all__ = ["CandidateTheme", "Quote", "SettingScore", "ThemeDiscovery"]


@dataclass(frozen=True)
class Quote:
    """A representative comment, already redacted."""

    text: str  # redacted
    comment_id: Hashable  # the id of (the first of) the comment(s) with this text
    count: int  # how many comments have this text
    similarity: float  # cosine similarity to the theme's centre


@dataclass(frozen=True)
class CandidateTheme:
    """A group of comments that may share a theme, for a coder to accept, edit or ignore."""

    theme_id: str  # "T01", "T02"... largest first
    label: str  # the first keywords, joined
    keywords: tuple[str, ...]  # c-TF-IDF keywords, best first
    keyword_scores: tuple[float, ...]
    size: int  # comments in the theme, repeats included
    n_distinct: int  # different texts in the theme
    stability: float  # mean best-match Jaccard overlap with the other runs, 0-1
    quotes: tuple[Quote, ...]  # most representative first, redacted
    member_ids: tuple[Hashable, ...]  # ids of every comment in the theme


@dataclass(frozen=True)
class SettingScore:
    """How one candidate setting fared when the setting was chosen."""

    parameter: str  # "k" (k-means) or "min_cluster_size" (HDBSCAN)
    value: int
    stability: float  # mean adjusted Rand index between runs, 0-1
    n_clusters: int  # clusters in the setting's reference run
    n_stable_themes: int  # of those, the ones big and stable enough to be offered
    chosen: bool


@dataclass(frozen=True)
class ThemeDiscovery:
    """Candidate themes found in free text, with what was left out and how it was chosen."""

    themes: tuple[CandidateTheme, ...]
    unclustered_ids: tuple[Hashable, ...]  # substantive comments in no candidate theme
    non_answer_ids: tuple[Hashable, ...]  # comments dropped as non-answers
    n_comments: int  # every comment given
    n_substantive: int  # comments that were not non-answers, repeats included
    n_distinct: int  # different substantive texts
    representation: str  # "lsa" or "embeddings"
    method: str  # "kmeans" or "hdbscan"
    parameter: str  # "k" or "min_cluster_size"
    chosen_value: int | None  # the chosen setting (None when no setting could be tried)
    stability: float  # the chosen setting's stability (mean adjusted Rand index), 0-1
    seed: int
    n_seeds: int
    candidates: tuple[SettingScore, ...]

    def to_frame(self) -> pd.DataFrame:
        """One row per candidate theme.

        Columns: ``theme_id``, ``label``, ``keywords`` (joined by "; "), ``size``,
        ``share`` (of substantive comments), ``n_distinct``, ``stability``, ``n_quotes``,
        ``top_quote`` (redacted).
        """
        rows = [
            {
                "theme_id": t.theme_id,
                "label": t.label,
                "keywords": "; ".join(t.keywords),
                "size": t.size,
                "share": t.size / self.n_substantive if self.n_substantive else 0.0,
                "n_distinct": t.n_distinct,
                "stability": t.stability,
                "n_quotes": len(t.quotes),
                "top_quote": t.quotes[0].text if t.quotes else None,
            }
            for t in self.themes
        ]
        columns = [
            "theme_id", "label", "keywords", "size", "share", "n_distinct", "stability",
            "n_quotes", "top_quote",
        ]  # fmt: skip
        return pd.DataFrame(rows, columns=columns)

    def quotes_frame(self) -> pd.DataFrame:
        """One row per quote: ``theme_id``, ``rank``, ``text`` (redacted), ``comment_id``,
        ``count``, ``similarity``."""
        rows = [
            {
                "theme_id": t.theme_id,
                "rank": rank,
                "text": q.text,
                "comment_id": q.comment_id,
                "count": q.count,
                "similarity": q.similarity,
            }
            for t in self.themes
            for rank, q in enumerate(t.quotes, start=1)
        ]
        columns = ["theme_id", "rank", "text", "comment_id", "count", "similarity"]
        return pd.DataFrame(rows, columns=columns)

    def members_frame(self) -> pd.DataFrame:
        """One row per comment given: ``comment_id``, ``status`` ("theme", "unclustered" or
        "non_answer") and ``theme_id`` (missing unless the status is "theme")."""
        rows = [(i, "theme", t.theme_id) for t in self.themes for i in t.member_ids]
        rows += [(i, "unclustered", None) for i in self.unclustered_ids]
        rows += [(i, "non_answer", None) for i in self.non_answer_ids]
        return pd.DataFrame(rows, columns=["comment_id", "status", "theme_id"])

    def candidates_frame(self) -> pd.DataFrame:
        """One row per setting tried: ``parameter``, ``value``, ``stability``,
        ``n_clusters``, ``n_stable_themes``, ``chosen``."""
        columns = ["parameter", "value", "stability", "n_clusters", "n_stable_themes", "chosen"]
        rows = [{c: getattr(s, c) for c in columns} for s in self.candidates]
        return pd.DataFrame(rows, columns=columns)
