"""Reads of the qualitative core that need no stored project: the blind double-coding
sample, agreement between coders, and theme maps with their counts. Exported by the
package (:mod:`peerval.web.qualitative.services.store`), the web app's one adapter to
:mod:`peerval.qual`."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

import pandas as pd

from peerval.qual.agreement import code_agreement, double_coding_sample
from peerval.qual.themes import Theme as CoreTheme
from peerval.qual.themes import ThemeMap, theme_counts

from ..records import Agreement, Coding

__all__ = ["agreement", "draw_sample", "theme_map", "theme_summary"]


# --- agreement ----------------------------------------------------------------------------
def draw_sample(
    units: pd.DataFrame, *, seed: int, n: int, stratify_by: str | None = None
) -> list[str]:
    """Document ids for blind double coding: the core's seeded, optionally stratified draw.

    ``units`` has a ``unit`` column (document ids) and any attribute to stratify by.
    """
    drawn = double_coding_sample(units, seed=seed, n=n, stratify_by=stratify_by)
    return [str(u) for u in drawn["unit"]]


def agreement(
    codings: pd.DataFrame,
    *,
    units: list[Hashable],
    coders: list[Hashable],
    codes: list[Hashable],
    n_boot: int = 1000,
    seed: int = 0,
) -> Agreement:
    """The core's code-by-code agreement (``codings``: ``unit``, ``coder``, ``code``)."""
    result = code_agreement(
        codings, units=units, coders=coders, codes=codes, n_boot=n_boot, seed=seed
    )
    return Agreement(
        by_code=result.by_code,
        overall=result.overall,
        disagreements=result.disagreements,
        n_boot=result.n_boot,
        confidence=result.confidence,
    )


# --- themes -------------------------------------------------------------------------------
def theme_map(themes: Iterable[dict[str, Any]], codes: Iterable[str]) -> ThemeMap:
    """The core's checked theme map of ``themes`` (each ``name``, ``description``,
    ``codes``, ``parent``: a name, or None). Names serve as ids, so the core's messages
    name the themes as people know them; a name used twice is an error."""
    return ThemeMap(
        tuple(
            CoreTheme(
                t["name"], t["name"], t.get("description", ""), tuple(t["codes"]), t.get("parent")
            )
            for t in themes
        ),
        frozenset(codes),
    )


def theme_summary(
    themes: ThemeMap, codings: Iterable[Coding], document_ids: Iterable[str]
) -> dict[str, tuple[int, frozenset[str]]]:
    """For each theme (by name): the documents carrying it or a sub-theme (the core's
    :func:`~peerval.qual.themes.theme_counts`), and every code that counts towards it."""
    documents = pd.DataFrame({"document_id": list(document_ids)}).assign(everyone="all")
    frame = pd.DataFrame(
        [{"document_id": c.document_id, "code": c.code_id} for c in codings],
        columns=["document_id", "code"],
    )
    if documents.empty or not themes.themes:
        return {t.id: (0, themes.codes_of(t.id)) for t in themes.themes}
    counts = theme_counts(frame, documents, themes, by="everyone")
    found = dict(zip(counts["theme_id"], counts["n_documents"], strict=True))
    return {t.id: (int(found.get(t.id, 0)), themes.codes_of(t.id)) for t in themes.themes}
