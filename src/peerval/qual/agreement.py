"""Inter-coder agreement: blind double coding checked code by code and overall.

Two or more coders code the same sample of units (documents or segments) without seeing
each other's work; :func:`double_coding_sample` draws that sample. :func:`code_agreement`
then compares their codings code by code, and :func:`category_agreement` compares a
single-label coding, where each coder gives each unit exactly one category.

**Presence and absence.** For :func:`code_agreement` every coder is taken to have read every
unit of the sample (or, with ``assignments``, the units assigned to them), so a code that a
coder did *not* apply to a unit they read counts as *absent* (0), and an applied code as
*present* (1). A unit a coder did not read is missing, not absent.

**Statistics** (unrounded; docs/agreement.md says how to read them):
``percent_agreement`` is, for each pair of coders, the percentage of the units both read on
which they decided alike, averaged over the pairs (unweighted) when there are more than two
coders. ``cohen_kappa`` is (p_o - p_e) / (1 - p_e) over the units both coders read; it is
defined for exactly two coders, and with more it is NaN with the note
``kappa_needs_two_coders`` (percent agreement and alpha take any number). ``krippendorff_alpha``
is nominal alpha from the ``krippendorff`` package (any number of coders, missing decisions
allowed); ``alpha_ci_low`` and ``alpha_ci_high`` are a percentile bootstrap interval over
units resampled with replacement (seeded), leaving out resamples where alpha is undefined
(``n_boot_defined`` says how many remained).

**Overall** (:attr:`CodeAgreement.overall`): ``pooled`` treats every unit x code decision as
one item, so often-applied codes weigh more (its bootstrap keeps a unit's decisions
together); ``mean_of_codes`` is the plain mean over the codes whose alpha is defined.

**Degenerate cases.** When every decision has the same value (say, nobody applied a code),
kappa and alpha are 0/0: NaN with the note ``no_variation``, not 1.0, because such data say
nothing about whether coders can tell the code apart (Krippendorff 2011); percent agreement
is still given. An interval needs two or more units read by two or more coders (note
``too_few_units_for_ci``). Unknown coders or units, empty input and fewer than two coders
raise :class:`~peerval.errors.DataError`.

>>> codings = pd.DataFrame({
...     "unit": ["d1", "d1", "d2", "d3", "d3", "d4"],
...     "coder": ["ann", "bo", "ann", "ann", "bo", "bo"],
...     "code": ["time", "time", "time", "time", "time", "time"],
... })
>>> result = code_agreement(codings, units=["d1", "d2", "d3", "d4", "d5"], n_boot=0)
>>> row = result.by_code.iloc[0]
>>> float(row["percent_agreement"]), round(float(row["cohen_kappa"]), 4)
(60.0, 0.1667)
>>> for row in result.disagreements.itertuples():
...     print(row.unit, row.code, row.applied_by, row.not_applied_by)
d2 time ('ann',) ('bo',)
d4 time ('bo',) ('ann',)
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

import krippendorff
import numpy as np
import pandas as pd

from peerval.errors import DataError

__all__ = [
    "CategoryAgreement",
    "CodeAgreement",
    "STAT_COLUMNS",
    "category_agreement",
    "code_agreement",
    "double_coding_sample",
]

#: the statistics columns of every agreement table, in order
STAT_COLUMNS = [
    "percent_agreement",
    "cohen_kappa",
    "krippendorff_alpha",
    "alpha_ci_low",
    "alpha_ci_high",
    "n_boot_defined",
    "note",
]


@dataclass(frozen=True)
class _Sample:
    """What was compared and how the bootstrap ran, kept with every result."""

    units: tuple[Hashable, ...]
    coders: tuple[Hashable, ...]
    n_boot: int
    confidence: float
    seed: int


@dataclass(frozen=True)
class CodeAgreement(_Sample):
    """Agreement on which codes apply, per code and overall.

    ``by_code``: one row per code, columns ``code``, ``n_units``, ``n_coders``,
    ``n_pairable_units`` (units read by two or more coders), ``n_applied`` (applications
    over all coders), then :data:`STAT_COLUMNS`. ``overall``: rows ``pooled`` and
    ``mean_of_codes`` in column ``overall``, with ``n_codes`` (codes whose values entered
    it), ``n_units``, ``n_coders`` and the same statistics. ``disagreements``: one row per
    unit and code on which coders differ, with ``applied_by`` and ``not_applied_by`` (tuples
    of coders, sorted).
    """

    by_code: pd.DataFrame
    overall: pd.DataFrame
    disagreements: pd.DataFrame


@dataclass(frozen=True)
class CategoryAgreement(_Sample):
    """Agreement on one category per unit.

    ``summary``: one row with ``n_units``, ``n_coders``, ``n_pairable_units``,
    ``n_categories`` and :data:`STAT_COLUMNS`. ``disagreements``: for every unit on which
    coders differ, one row per coder with ``unit``, ``coder`` and ``category``.
    """

    summary: pd.DataFrame
    disagreements: pd.DataFrame


def double_coding_sample(
    units: pd.DataFrame | Sequence[Hashable],
    *,
    seed: int,
    n: int | None = None,
    fraction: float | None = None,
    stratify_by: str | None = None,
) -> pd.DataFrame:
    """A seeded random sample of units for blind double coding.

    ``units`` is a table with a ``unit`` column (and any attributes), or a list of unit ids.
    Give either ``n`` units or a ``fraction`` (rounded up, so at least that share is drawn).
    With ``stratify_by``, every stratum gets one unit first (when ``n`` allows) and the rest
    are shared out in proportion to stratum size (largest remainder). The result does not
    depend on the order of the rows: the chosen rows come back sorted by unit id.

    >>> double_coding_sample([f"d{i}" for i in range(10)], n=3, seed=1)["unit"].tolist()
    ['d3', 'd4', 'd7']
    """
    table = pd.DataFrame({"unit": list(units)}) if not isinstance(units, pd.DataFrame) else units
    if "unit" not in table:
        raise DataError("the units table needs a 'unit' column")
    if table.empty or table["unit"].isna().any():
        raise DataError("there are no units to sample from, or a unit has no id")
    duplicated = table.loc[table["unit"].duplicated(), "unit"]
    if len(duplicated):
        raise DataError(f"unit {_plain(duplicated.iloc[0])!r} is listed more than once")
    size = _sample_size(len(table), n, fraction)
    rank = {u: i for i, u in enumerate(_sorted(list(table["unit"])))}
    table = table.iloc[np.argsort(table["unit"].map(rank).to_numpy(), kind="stable")]
    rng = np.random.default_rng(seed)
    if stratify_by is None:
        chosen = np.sort(rng.choice(len(table), size=size, replace=False))
        return table.iloc[chosen].reset_index(drop=True)
    if stratify_by not in table:
        raise DataError(f"the units table has no column {stratify_by!r} to stratify by")
    if table[stratify_by].isna().any():
        missing = table.loc[table[stratify_by].isna(), "unit"].iloc[0]
        raise DataError(f"unit {_plain(missing)!r} has no value for {stratify_by!r}")
    groups = table.groupby(stratify_by, sort=False).indices
    strata = [(key, groups[key]) for key in _sorted(list(groups))]
    allocation = _allocate(size, np.array([len(rows) for _, rows in strata]))
    picked = [
        rows[np.sort(rng.choice(len(rows), size=k, replace=False))]
        for (_, rows), k in zip(strata, allocation, strict=True)
    ]
    return table.iloc[np.sort(np.concatenate(picked))].reset_index(drop=True)


def _sample_size(total: int, n: int | None, fraction: float | None) -> int:
    if (n is None) == (fraction is None):
        raise DataError("give either n or fraction for the double-coding sample")
    if fraction is not None:
        if not 0 < fraction <= 1:
            raise DataError(f"fraction must be above 0 and at most 1, not {fraction}")
        return max(1, math.ceil(fraction * total - 1e-9))
    if not 1 <= n <= total:  # type: ignore[operator]
        raise DataError(f"n must be from 1 to the number of units ({total}), not {n}")
    return int(n)


def _allocate(size: int, sizes: np.ndarray) -> np.ndarray:
    """``size`` shared over strata: one each first when possible, the rest by largest
    remainder in proportion to what each stratum has left (ties to the earlier stratum)."""
    base = np.zeros(len(sizes), dtype=int)
    if size >= len(sizes):
        base += 1
    left = sizes - base
    rest = size - int(base.sum())
    if rest <= 0 or left.sum() == 0:
        return base
    quota = rest * left / left.sum()
    share = np.floor(quota).astype(int)
    order = np.argsort(-(quota - share), kind="stable")
    share[order[: rest - int(share.sum())]] += 1
    return base + share


def code_agreement(
    codings: pd.DataFrame,
    *,
    units: Sequence[Hashable] | None = None,
    coders: Sequence[Hashable] | None = None,
    codes: Sequence[Hashable] | None = None,
    assignments: pd.DataFrame | None = None,
    n_boot: int = 1000,
    confidence: float = 0.95,
    seed: int = 0,
) -> CodeAgreement:
    """Agreement on each code's presence or absence, and overall.

    ``codings`` has one row per code a coder applied to a unit: columns ``unit``, ``coder``,
    ``code`` and optionally ``applied`` (true/false or 1/0; absent means every row is an
    application, and a false row only records that the coder read the unit). A code a coder
    did not apply to a unit they read is **absent**, so pass ``units`` (and ``coders``) for the
    whole sample: when inferred from ``codings``, a unit nobody coded is missed. ``codes``
    lists the codes to assess (default: those in ``codings``). ``assignments`` (columns
    ``unit``, ``coder``) says who read which unit when not everyone read everything; other
    decisions are then missing. ``n_boot=0`` skips the bootstrap.
    """
    _check_bootstrap(n_boot, confidence)
    frame = _columns(codings, ["unit", "coder", "code"], "codings")
    frame = frame.assign(applied=_applied(frame))
    unit_ids, coder_ids, read = _design(frame, units, coders, assignments)
    code_ids = _ids(frame["code"], codes, "code")
    if not code_ids:
        raise DataError("there are no codes to assess")
    unit_index = {u: i for i, u in enumerate(unit_ids)}
    coder_index = {c: i for i, c in enumerate(coder_ids)}
    conflicts = frame.groupby(["unit", "coder", "code"], sort=False)["applied"].nunique()
    if (conflicts > 1).any():
        unit, coder, code = map(_plain, conflicts[conflicts > 1].index[0])
        raise DataError(f"coder {coder!r} both applied and did not apply {code!r} to {unit!r}")
    applied = frame[frame["applied"]]
    base = np.where(read, 0.0, np.nan)
    matrices: dict[Hashable, np.ndarray] = {code: base.copy() for code in code_ids}
    for code, sub in applied.groupby("code", sort=False):
        rows = sub["coder"].map(coder_index).to_numpy()
        cols = sub["unit"].map(unit_index).to_numpy()
        matrices[code][rows, cols] = 1.0
    rng = np.random.default_rng(seed)
    weights = _resample_weights(len(unit_ids), n_boot, rng)
    per_code = {code: _assess(m, 2, weights, confidence) for code, m in matrices.items()}
    n_units, n_pairable = int(read.any(axis=0).sum()), int((read.sum(axis=0) >= 2).sum())
    sizes = {"n_units": n_units, "n_coders": len(coder_ids), "n_pairable_units": n_pairable}
    by_code = pd.DataFrame(
        [
            {"code": code, **sizes, "n_applied": int(np.nansum(m))} | per_code[code].row()
            for code, m in matrices.items()
        ],
        columns=["code", *sizes, "n_applied", *STAT_COLUMNS],
    )
    overall = _overall(list(matrices.values()), per_code, weights, confidence)
    overall.insert(2, "n_units", n_units)
    overall.insert(3, "n_coders", len(coder_ids))
    return CodeAgreement(
        by_code=by_code,
        overall=overall,
        disagreements=_code_disagreements(matrices, unit_ids, coder_ids),
        **vars(_Sample(tuple(unit_ids), tuple(coder_ids), n_boot, confidence, seed)),
    )


def _overall(
    matrices: list[np.ndarray],
    per_code: dict[Hashable, _Assessment],
    weights: np.ndarray,
    confidence: float,
) -> pd.DataFrame:
    assessments = list(per_code.values())
    pooled = _assess(np.concatenate(matrices, axis=1), 2, None, confidence)
    # the pooled bootstrap keeps each unit's decisions together: contributions add up by unit
    values = np.sum([a.counts for a in assessments], axis=0)
    diagonal = np.sum([a.diagonal for a in assessments], axis=0)
    pooled = pooled.with_interval(_bootstrap(values, diagonal, weights), confidence)
    rows = [{"overall": "pooled", "n_codes": len(assessments)} | pooled.row()]
    # the mean over the codes whose alpha is defined (a code nobody applied says nothing)
    defined = [a for a in assessments if not math.isnan(a.krippendorff_alpha)]
    means = [
        float(np.mean([getattr(a, stat) for a in defined])) if defined else math.nan
        for stat in ("percent_agreement", "cohen_kappa", "krippendorff_alpha")
    ]
    notes = []
    if len(defined) < len(assessments):
        notes.append(f"{len(assessments) - len(defined)} of {len(assessments)} codes have no alpha")
    if any("kappa_needs_two_coders" in a.notes for a in assessments):
        notes.append("kappa_needs_two_coders")
    if not defined:
        notes.append("no_variation")
    # each resample's mean over the codes whose alpha is defined in it
    boot = np.array([a.boot for a in assessments]).reshape(len(assessments), -1)
    present = ~np.isnan(boot)
    sums, counts = np.where(present, boot, 0.0).sum(axis=0), present.sum(axis=0)
    mean_boot = np.divide(sums, counts, out=np.full(sums.shape, np.nan), where=counts > 0)
    empty = np.array([])
    mean = _Assessment(*means, empty, empty, empty, tuple(notes))
    if weights.size:
        mean = mean.with_interval(mean_boot, confidence)
    rows.append({"overall": "mean_of_codes", "n_codes": len(defined)} | mean.row())
    return pd.DataFrame(rows, columns=["overall", "n_codes", *STAT_COLUMNS])


def _code_disagreements(
    matrices: dict[Hashable, np.ndarray], unit_ids: list[Hashable], coder_ids: list[Hashable]
) -> pd.DataFrame:
    rows = []
    for code, m in matrices.items():
        present, absent = m == 1.0, m == 0.0
        for j in np.flatnonzero(present.any(axis=0) & absent.any(axis=0)):
            rows.append(
                {
                    "unit": unit_ids[j],
                    "code": code,
                    "applied_by": tuple(coder_ids[i] for i in np.flatnonzero(present[:, j])),
                    "not_applied_by": tuple(coder_ids[i] for i in np.flatnonzero(absent[:, j])),
                }
            )
    return pd.DataFrame(rows, columns=["unit", "code", "applied_by", "not_applied_by"])


def category_agreement(
    labels: pd.DataFrame,
    *,
    units: Sequence[Hashable] | None = None,
    coders: Sequence[Hashable] | None = None,
    n_boot: int = 1000,
    confidence: float = 0.95,
    seed: int = 0,
) -> CategoryAgreement:
    """Agreement when each coder gives each unit exactly one category.

    ``labels`` has columns ``unit``, ``coder`` and ``category``, at most one row per unit and
    coder. A unit a coder did not label is missing (alpha allows it; kappa and percent
    agreement use the units both coders of a pair labelled). ``units`` and ``coders``, when
    given, must include every unit and coder in ``labels``.

    >>> labels = pd.DataFrame({"unit": [1, 1, 2, 2, 3, 3], "coder": ["a", "b"] * 3,
    ...                        "category": ["x", "x", "y", "y", "x", "y"]})
    >>> s = category_agreement(labels, n_boot=0).summary.iloc[0]
    >>> round(float(s["percent_agreement"]), 2), round(float(s["cohen_kappa"]), 4)
    (66.67, 0.4)
    """
    _check_bootstrap(n_boot, confidence)
    frame = _columns(labels, ["unit", "coder", "category"], "labels")
    if frame.empty:
        raise DataError("there are no labels to compare")
    twice = frame[frame.duplicated(["unit", "coder"], keep=False)]
    if len(twice):
        unit, coder = twice.iloc[0]["unit"], twice.iloc[0]["coder"]
        same = (twice["unit"] == unit) & (twice["coder"] == coder)
        given = ", ".join(map(str, twice.loc[same, "category"]))
        raise DataError(
            f"coder {_plain(coder)!r} gave unit {_plain(unit)!r} more than one category: {given}"
        )
    unit_ids = _ids(frame["unit"], units, "unit")
    coder_ids = _ids(frame["coder"], coders, "coder")
    if len(coder_ids) < 2:
        raise DataError("agreement needs at least two coders")
    categories = _sorted(list(frame["category"].unique()))
    value = {c: float(i) for i, c in enumerate(categories)}
    matrix = np.full((len(coder_ids), len(unit_ids)), np.nan)
    rows = frame["coder"].map({c: i for i, c in enumerate(coder_ids)}).to_numpy()
    cols = frame["unit"].map({u: i for i, u in enumerate(unit_ids)}).to_numpy()
    matrix[rows, cols] = frame["category"].map(value).to_numpy(dtype=float)
    weights = _resample_weights(len(unit_ids), n_boot, np.random.default_rng(seed))
    result = _assess(matrix, max(len(categories), 2), weights, confidence)
    n_pairable = int(((~np.isnan(matrix)).sum(axis=0) >= 2).sum())
    sizes = {"n_units": len(unit_ids), "n_coders": len(coder_ids), "n_pairable_units": n_pairable}
    summary = pd.DataFrame([sizes | {"n_categories": len(categories)} | result.row()])
    ordered = frame.assign(_u=cols, _c=rows).sort_values(["_u", "_c"])
    differs = ordered.groupby("_u")["category"].transform("nunique") > 1
    disagreements = ordered.loc[differs, ["unit", "coder", "category"]]
    return CategoryAgreement(
        summary=summary,
        disagreements=disagreements.reset_index(drop=True),
        **vars(_Sample(tuple(unit_ids), tuple(coder_ids), n_boot, confidence, seed)),
    )


def _columns(frame: pd.DataFrame, needed: list[str], what: str) -> pd.DataFrame:
    if not isinstance(frame, pd.DataFrame):
        raise DataError(f"{what} must be a table (pandas DataFrame)")
    missing = [c for c in needed if c not in frame]
    if missing:
        raise DataError(f"{what} lack the column(s) {', '.join(missing)}")
    for column in needed:
        if frame[column].isna().any():
            raise DataError(f"{what}: a row has no {column}")
    return frame.reset_index(drop=True)


def _applied(frame: pd.DataFrame) -> pd.Series:
    if "applied" not in frame:
        return pd.Series(True, index=frame.index)

    def read(value: object) -> bool:
        if isinstance(value, bool | np.bool_ | int | float | np.number) and value in (0, 1):
            return bool(value)
        raise DataError(f"'applied' must be true/false or 1/0, not {_plain(value)!r}")

    return frame["applied"].map(read).astype(bool)


def _plain(value: object) -> object:
    """A NumPy scalar as the Python value it holds, so messages and results read plainly."""
    return value.item() if isinstance(value, np.generic) else value


def _ids(seen: pd.Series, given: Sequence[Hashable] | None, what: str) -> list[Hashable]:
    found = [_plain(x) for x in pd.unique(seen)]
    if given is None:
        return _sorted(found)
    listed = list(dict.fromkeys(given))
    known = set(listed)
    unknown = [x for x in found if x not in known]
    if unknown:
        raise DataError(f"unknown {what} {unknown[0]!r}: it is not in the {what}s given")
    return listed


def _design(
    frame: pd.DataFrame,
    units: Sequence[Hashable] | None,
    coders: Sequence[Hashable] | None,
    assignments: pd.DataFrame | None,
) -> tuple[list[Hashable], list[Hashable], np.ndarray]:
    """Units, coders and which coder read which unit (a coders x units boolean matrix)."""
    if assignments is None:
        if frame.empty and (units is None or coders is None):
            raise DataError("there are no codings; give units and coders for an empty sample")
        unit_ids = _ids(frame["unit"], units, "unit")
        coder_ids = _ids(frame["coder"], coders, "coder")
        read = np.ones((len(coder_ids), len(unit_ids)), dtype=bool)
    else:
        pairs = _columns(assignments, ["unit", "coder"], "assignments")
        if pairs.empty:
            raise DataError("assignments are empty: no coder read any unit")
        unit_ids = _ids(pairs["unit"], units, "unit")
        coder_ids = _ids(pairs["coder"], coders, "coder")
        _ids(frame["unit"], unit_ids, "unit")
        _ids(frame["coder"], coder_ids, "coder")
        read = np.zeros((len(coder_ids), len(unit_ids)), dtype=bool)
        rows = pairs["coder"].map({c: i for i, c in enumerate(coder_ids)}).to_numpy()
        cols = pairs["unit"].map({u: i for i, u in enumerate(unit_ids)}).to_numpy()
        read[rows, cols] = True
        known = set(zip(pairs["unit"], pairs["coder"], strict=True))
        stray = [p for p in zip(frame["unit"], frame["coder"], strict=True) if p not in known]
        if stray:
            unit, coder = map(_plain, stray[0])
            raise DataError(f"coder {coder!r} coded {unit!r}, not assigned to them")
    if not unit_ids:
        raise DataError("there are no units in the sample")
    if len(coder_ids) < 2:
        raise DataError("agreement needs at least two coders")
    return unit_ids, coder_ids, read


def _sorted(ids: list[Hashable]) -> list[Hashable]:
    """Ids in their natural order (numbers as numbers), or as text when they are mixed."""
    try:
        return sorted(ids)  # type: ignore[type-var]
    except TypeError:
        return sorted(ids, key=str)


def _check_bootstrap(n_boot: int, confidence: float) -> None:
    if isinstance(n_boot, bool) or not isinstance(n_boot, int | np.integer) or n_boot < 0:
        raise DataError(f"n_boot must be a whole number, 0 or more, not {n_boot!r}")
    if not 0 < confidence < 1:
        raise DataError(f"confidence must be between 0 and 1, not {confidence!r}")


@dataclass(frozen=True)
class _Assessment:
    percent_agreement: float
    cohen_kappa: float
    krippendorff_alpha: float
    counts: np.ndarray  # pairable values per unit and value (units x values)
    diagonal: np.ndarray  # each unit's contribution to the coincidence matrix's diagonal
    boot: np.ndarray  # alpha for each bootstrap resample (NaN where undefined)
    notes: tuple[str, ...]
    ci: tuple[float, float, int] = (math.nan, math.nan, 0)

    def with_interval(self, boot: np.ndarray, confidence: float) -> _Assessment:
        low, high, n_defined = _percentile_interval(boot, confidence)
        notes = self.notes
        if boot.size and n_defined < 2 and "no_variation" not in notes:
            notes = (*notes, "too_few_units_for_ci")
        return replace(self, boot=boot, notes=notes, ci=(low, high, n_defined))

    def row(self) -> dict[str, object]:
        return {
            "percent_agreement": self.percent_agreement,
            "cohen_kappa": self.cohen_kappa,
            "krippendorff_alpha": self.krippendorff_alpha,
            "alpha_ci_low": self.ci[0],
            "alpha_ci_high": self.ci[1],
            "n_boot_defined": self.ci[2],
            "note": "; ".join(dict.fromkeys(self.notes)),
        }


def _assess(
    matrix: np.ndarray, n_values: int, weights: np.ndarray | None, confidence: float
) -> _Assessment:
    """Every statistic for one coders x units matrix of values 0..n_values-1 (NaN missing)."""
    notes: list[str] = []
    percent = _percent_agreement(matrix)
    if math.isnan(percent):
        notes.append("no_pairable_units")
    kappa, kappa_note = _cohen_kappa(matrix, n_values)
    if kappa_note:
        notes.append(kappa_note)
    counts = np.stack([(matrix == v).sum(axis=0) for v in range(n_values)], axis=1)
    pair_counts, diagonal = _contributions(counts)
    alpha = math.nan
    if (pair_counts.sum(axis=0) > 0).sum() >= 2:  # two values or more among pairable ones
        alpha = float(krippendorff.alpha(value_counts=counts, level_of_measurement="nominal"))
    elif not math.isnan(percent):
        notes.append("no_variation")
    result = _Assessment(percent, kappa, alpha, pair_counts, diagonal, np.array([]), tuple(notes))
    if weights is None:
        return result
    return result.with_interval(_bootstrap(pair_counts, diagonal, weights), confidence)


def _percent_agreement(matrix: np.ndarray) -> float:
    shares = []
    for a, b in combinations(matrix, 2):
        both = ~np.isnan(a) & ~np.isnan(b)
        if both.any():
            shares.append(float(np.mean(a[both] == b[both])))
    return 100.0 * float(np.mean(shares)) if shares else math.nan


def _cohen_kappa(matrix: np.ndarray, n_values: int) -> tuple[float, str]:
    if matrix.shape[0] != 2:
        return math.nan, "kappa_needs_two_coders"
    both = ~np.isnan(matrix).any(axis=0)
    if not both.any():
        return math.nan, ""
    a, b = matrix[0, both].astype(int), matrix[1, both].astype(int)
    observed = float(np.mean(a == b))
    expected = float(np.bincount(a, minlength=n_values) @ np.bincount(b, minlength=n_values))
    expected /= len(a) ** 2
    if math.isclose(expected, 1.0):
        return math.nan, "no_variation"
    return (observed - expected) / (1.0 - expected), ""


def _contributions(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per unit: its pairable values, and its share of the coincidence matrix's diagonal."""
    m = counts.sum(axis=1)
    pairable = (m >= 2)[:, None]
    values = np.where(pairable, counts, 0).astype(float)
    diagonal = np.where(pairable, counts * (counts - 1) / np.maximum(m - 1, 1)[:, None], 0.0)
    return values, diagonal


def _alpha_from(values: np.ndarray, diagonal: np.ndarray) -> np.ndarray:
    """Nominal alpha from pairable value totals n_c and the coincidence diagonal o_cc:
    1 - (n - 1)(n - sum o_cc) / (n^2 - sum n_c^2); NaN where the data have one value only."""
    n = values.sum(axis=-1)
    expected = n**2 - (values**2).sum(axis=-1)
    out = np.full(n.shape, np.nan)
    ok = expected > 0
    out[ok] = 1.0 - (n[ok] - 1.0) * (n[ok] - diagonal[ok].sum(axis=-1)) / expected[ok]
    return out


def _resample_weights(n_units: int, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """How often each unit appears in each bootstrap resample (n_boot x n_units)."""
    return rng.multinomial(n_units, np.full(n_units, 1.0 / n_units), size=n_boot).astype(float)


def _bootstrap(values: np.ndarray, diagonal: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Alpha for each resample: coincidences add up over units, so a resample's are the
    unit contributions weighted by how often each unit was drawn."""
    if weights.shape[0] == 0:
        return np.array([])
    if int((values.sum(axis=1) > 0).sum()) < 2:
        return np.full(weights.shape[0], np.nan)
    return _alpha_from(weights @ values, weights @ diagonal)


def _percentile_interval(boot: np.ndarray, confidence: float) -> tuple[float, float, int]:
    defined = boot[~np.isnan(boot)]
    if defined.size < 2:
        return math.nan, math.nan, int(defined.size)
    tail = 100.0 * (1.0 - confidence) / 2.0
    low, high = np.percentile(defined, [tail, 100.0 - tail])
    return float(low), float(high), int(defined.size)
