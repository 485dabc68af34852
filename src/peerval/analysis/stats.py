"""Small, tested statistical tests and intervals for evaluation reports.

Every function takes plain sequences (lists, NumPy arrays, pandas Series), drops missing
values (NaN, ``None``, ``pd.NA``) where that is stated, and returns either a tuple or a
plain ``dict`` with stable snake_case keys (``n``, ``estimate``, ``ci_low``, ``ci_high``,
``statistic``, ``p_value``, ``effect_size``...). Nothing is rounded: rounding is for
presentation, and disclosure control is applied later, when results are published.

Bad input (non-numeric or infinite values, groups too small for the method, a confidence
level outside (0, 1)) raises :class:`peerval.errors.DataError`.

SciPy is imported inside the functions that need it, so importing this module is cheap.

>>> low, high = wilson_interval(0, 20)
>>> low, round(high, 4)
(0.0, 0.1611)
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from typing import Any, TypeAlias

import numpy as np

from peerval.errors import DataError

__all__ = [
    "holm",
    "kruskal_wallis",
    "linear_trend",
    "mann_whitney",
    "mean_difference",
    "median_iqr",
    "proportion",
    "wilson_interval",
]

#: anything these functions accept as a list of numbers
Values: TypeAlias = Sequence[float] | np.ndarray

_NAN = float("nan")


# --------------------------------------------------------------------------------------
# input checks


def _check_confidence(confidence: float) -> float:
    """The confidence level as a float, or DataError unless it lies strictly within (0, 1)."""
    if isinstance(confidence, bool) or not isinstance(confidence, numbers.Real):
        raise DataError(f"confidence must be a number between 0 and 1, not {confidence!r}")
    level = float(confidence)
    if not 0.0 < level < 1.0:
        raise DataError(f"confidence must be strictly between 0 and 1, not {confidence!r}")
    return level


def _check_count(value: Any, name: str) -> int:
    """A whole, non-negative count as an int, or DataError."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise DataError(f"{name} must be a whole number, not {value!r}")
    count = int(value)
    if count < 0:
        raise DataError(f"{name} must not be negative, not {count}")
    return count


def _is_missing(item: Any) -> bool:
    """True for None, NaN and pandas' NA/NaT (without importing pandas)."""
    if item is None:
        return True
    if isinstance(item, float | np.floating):
        return bool(np.isnan(item))
    return type(item).__name__ in ("NAType", "NaTType")


def _as_float_array(values: Any, name: str) -> np.ndarray:
    """A one-dimensional float array with missing values as NaN, or DataError.

    Strings, booleans and other non-numbers are refused rather than coerced, and so are
    infinite values.
    """
    if isinstance(values, str | bytes) or values is None:
        raise DataError(f"{name} must be a sequence of numbers, not {type(values).__name__}")
    if hasattr(values, "to_numpy") and hasattr(values, "dtype"):
        # pandas Series/Index: nullable dtypes need na_value to come out as float NaN
        try:
            array = values.to_numpy(dtype=float, na_value=np.nan)
        except (TypeError, ValueError) as error:
            raise DataError(f"{name} must contain only numbers") from error
        if getattr(values.dtype, "kind", "f") not in "iuf" and not _all_numbers(values):
            raise DataError(f"{name} must contain only numbers")
    else:
        if not isinstance(values, np.ndarray | Sequence):
            try:
                values = list(values)
            except TypeError as error:
                raise DataError(
                    f"{name} must be a sequence of numbers, not {type(values).__name__}"
                ) from error
        raw = np.asarray(values, dtype=object) if not isinstance(values, np.ndarray) else values
        if raw.ndim != 1:
            raise DataError(f"{name} must be one-dimensional")
        if raw.dtype.kind in "iuf":
            array = raw.astype(float)
        elif raw.dtype.kind == "O" and _all_numbers(raw):
            array = np.array([_NAN if _is_missing(v) else float(v) for v in raw], dtype=float)
        else:
            raise DataError(f"{name} must contain only numbers")
    if array.ndim != 1:
        raise DataError(f"{name} must be one-dimensional")
    if np.isinf(array).any():
        raise DataError(f"{name} must not contain infinite values")
    return array


def _all_numbers(items: Any) -> bool:
    """True when every item is a real number (not a bool) or missing."""
    return all(
        _is_missing(v) or (isinstance(v, numbers.Real) and not isinstance(v, bool | np.bool_))
        for v in items
    )


def _clean(values: Any, name: str) -> np.ndarray:
    """The values as a float array with missing values dropped."""
    array = _as_float_array(values, name)
    return array[~np.isnan(array)]


# --------------------------------------------------------------------------------------
# proportions


def wilson_interval(successes: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a proportion ``successes / n``.

    The interval is the set of proportions not rejected by the two-sided score test at
    ``1 - confidence``; it stays within [0, 1] and always contains ``successes / n``. With
    no successes the lower limit is exactly 0, and with ``successes == n`` the upper limit
    is exactly 1. Returns ``(nan, nan)`` when ``n`` is 0.

    >>> [round(v, 4) for v in wilson_interval(81, 263)]
    [0.2553, 0.3662]
    """
    successes = _check_count(successes, "successes")
    n = _check_count(n, "n")
    level = _check_confidence(confidence)
    if successes > n:
        raise DataError(f"successes ({successes}) cannot exceed n ({n})")
    if n == 0:
        return (_NAN, _NAN)
    from scipy import stats

    z = float(stats.norm.ppf(0.5 + level / 2.0))
    p = successes / n
    z2_n = z * z / n
    centre = (p + z2_n / 2.0) / (1.0 + z2_n)
    half_width = (z / (1.0 + z2_n)) * math.sqrt(p * (1.0 - p) / n + z2_n / (4.0 * n))
    low = 0.0 if successes == 0 else max(0.0, min(p, centre - half_width))
    high = 1.0 if successes == n else min(1.0, max(p, centre + half_width))
    return (low, high)


def proportion(successes: int, n: int, confidence: float = 0.95) -> dict[str, Any]:
    """A proportion with its Wilson score interval.

    Keys: ``n``, ``successes``, ``estimate`` (``successes / n``; NaN when ``n`` is 0),
    ``ci_low``, ``ci_high``.
    """
    low, high = wilson_interval(successes, n, confidence)
    n = int(n)
    successes = int(successes)
    return {
        "n": n,
        "successes": successes,
        "estimate": successes / n if n else _NAN,
        "ci_low": low,
        "ci_high": high,
    }


# --------------------------------------------------------------------------------------
# descriptive


def median_iqr(values: Values) -> dict[str, Any]:
    """Median and quartiles of the non-missing values.

    Quartiles use NumPy's default ``"linear"`` percentile method (Hyndman and Fan's type 7,
    also R's default): the value at position ``q * (n - 1)`` of the sorted data, linearly
    interpolated between neighbours. Keys: ``n``, ``median``, ``q1``, ``q3``; the last three
    are NaN when no values remain.

    >>> median_iqr([1, 2, 3, 4, None])
    {'n': 4, 'median': 2.5, 'q1': 1.75, 'q3': 3.25}
    """
    data = _clean(values, "values")
    if data.size == 0:
        return {"n": 0, "median": _NAN, "q1": _NAN, "q3": _NAN}
    q1, median, q3 = np.percentile(data, [25.0, 50.0, 75.0])
    return {"n": int(data.size), "median": float(median), "q1": float(q1), "q3": float(q3)}


# --------------------------------------------------------------------------------------
# rank tests


def mann_whitney(x: Values, y: Values) -> dict[str, Any]:
    """Mann-Whitney U test of ``x`` against ``y``, two-sided, with the rank-biserial r.

    Missing values are dropped. ``statistic`` is U for ``x`` in SciPy's convention (the
    number of pairs with ``x > y``, ties counting one half) and ``p_value`` comes from
    :func:`scipy.stats.mannwhitneyu` with its default method (exact for small samples
    without ties, otherwise the normal approximation with tie and continuity corrections).

    ``effect_size`` is the rank-biserial correlation ``2 * U / (n_x * n_y) - 1``, which
    equals P(x > y) - P(x < y) over all pairs: +1 when every x exceeds every y, -1 when
    every y exceeds every x. Keys: ``n_x``, ``n_y``, ``statistic``, ``p_value``,
    ``effect_size``, ``effect_size_name`` (``"rank_biserial"``).
    """
    a = _clean(x, "x")
    b = _clean(y, "y")
    if a.size == 0 or b.size == 0:
        raise DataError("both groups need at least one non-missing value")
    from scipy import stats

    result = stats.mannwhitneyu(a, b, alternative="two-sided")
    u = float(result.statistic)
    return {
        "n_x": int(a.size),
        "n_y": int(b.size),
        "statistic": u,
        "p_value": float(result.pvalue),
        "effect_size": 2.0 * u / (a.size * b.size) - 1.0,
        "effect_size_name": "rank_biserial",
    }


def kruskal_wallis(groups: Mapping[str, Values]) -> dict[str, Any]:
    """Kruskal-Wallis H test across named groups, with epsilon squared.

    Missing values are dropped, then groups with no values are dropped. ``statistic`` is
    H with the tie correction (as :func:`scipy.stats.kruskal`), ``df`` is ``k - 1`` and
    ``p_value`` is from the chi-squared distribution. ``effect_size`` is epsilon squared,
    ``H / ((n**2 - 1) / (n + 1))``, which is ``H / (n - 1)``. When every value is the same
    the ranks carry no information: H is reported as 0, the p-value as 1 and epsilon
    squared as 0.

    Keys: ``k`` (groups used), ``n`` (values used), ``statistic``, ``df``, ``p_value``,
    ``effect_size``, ``effect_size_name`` (``"epsilon_squared"``).
    """
    if not isinstance(groups, Mapping):
        raise DataError("groups must be a mapping of group name to values")
    kept = []
    for name, values in groups.items():
        data = _clean(values, f"group {name!r}")
        if data.size:
            kept.append(data)
    if len(kept) < 2:
        raise DataError(f"at least two groups with values are needed, not {len(kept)}")
    k = len(kept)
    n = int(sum(g.size for g in kept))
    pooled = np.concatenate(kept)
    if np.all(pooled == pooled[0]):
        h, p = 0.0, 1.0
    else:
        from scipy import stats

        result = stats.kruskal(*kept)
        h, p = float(result.statistic), float(result.pvalue)
    return {
        "k": k,
        "n": n,
        "statistic": h,
        "df": k - 1,
        "p_value": p,
        "effect_size": h / ((n * n - 1) / (n + 1)),
        "effect_size_name": "epsilon_squared",
    }


# --------------------------------------------------------------------------------------
# multiple comparisons


def holm(p_values: Sequence[float]) -> np.ndarray:
    """Holm-Bonferroni adjusted p-values, in the order given.

    With the m non-missing p-values sorted ascending, the i-th smallest (i from 1) is
    multiplied by ``m - i + 1``; a running maximum keeps the adjusted values monotone and
    they are capped at 1. Rejecting where the adjusted value is at most alpha is Holm's
    step-down procedure. Missing p-values stay NaN in place and do not count in m.

    >>> holm([0.01, 0.04, 0.03, 0.005]).tolist()
    [0.03, 0.06, 0.06, 0.02]
    """
    raw = _as_float_array(p_values, "p_values")
    present = ~np.isnan(raw)
    if ((raw[present] < 0.0) | (raw[present] > 1.0)).any():
        raise DataError("p-values must lie between 0 and 1")
    adjusted = np.full(raw.shape, np.nan)
    p = raw[present]
    m = p.size
    if m == 0:
        return adjusted
    order = np.argsort(p, kind="stable")
    multipliers = np.arange(m, 0, -1, dtype=float)
    stepped = np.minimum(np.maximum.accumulate(multipliers * p[order]), 1.0)
    out = np.empty(m)
    out[order] = stepped
    adjusted[present] = out
    return adjusted


# --------------------------------------------------------------------------------------
# means and trends


def mean_difference(x: Values, y: Values, confidence: float = 0.95) -> dict[str, Any]:
    """Welch's two-sample comparison of means: ``mean(x) - mean(y)``.

    Missing values are dropped; each group needs at least two values. The standard error is
    ``sqrt(var_x / n_x + var_y / n_y)`` (sample variances), ``df`` is the Welch-Satterthwaite
    approximation, ``statistic`` is t, ``p_value`` is two-sided and the interval is
    ``estimate +/- t(df) * se``. When both groups are constant the standard error is 0 and
    everything but the estimate is NaN.

    Keys: ``n_x``, ``n_y``, ``estimate``, ``ci_low``, ``ci_high``, ``statistic``, ``df``,
    ``p_value``.
    """
    level = _check_confidence(confidence)
    a = _clean(x, "x")
    b = _clean(y, "y")
    if a.size < 2 or b.size < 2:
        raise DataError("both groups need at least two non-missing values")
    estimate = float(a.mean() - b.mean())
    va = float(a.var(ddof=1)) / a.size
    vb = float(b.var(ddof=1)) / b.size
    se = math.sqrt(va + vb)
    out: dict[str, Any] = {
        "n_x": int(a.size),
        "n_y": int(b.size),
        "estimate": estimate,
        "ci_low": _NAN,
        "ci_high": _NAN,
        "statistic": _NAN,
        "df": _NAN,
        "p_value": _NAN,
    }
    if se == 0.0:
        return out
    from scipy import stats

    df = (va + vb) ** 2 / (va * va / (a.size - 1) + vb * vb / (b.size - 1))
    t = estimate / se
    margin = float(stats.t.ppf(0.5 + level / 2.0, df)) * se
    out.update(
        ci_low=estimate - margin,
        ci_high=estimate + margin,
        statistic=t,
        df=df,
        p_value=float(2.0 * stats.t.sf(abs(t), df)),
    )
    return out


def linear_trend(times: Values, values: Values, confidence: float = 0.95) -> dict[str, Any]:
    """Ordinary least squares slope of ``values`` on ``times``, with a t interval.

    Pairs where either the time or the value is missing are dropped; at least three pairs
    and two distinct times are needed. The interval and the two-sided p-value (for slope 0)
    use the t distribution with ``n - 2`` degrees of freedom. When the points lie exactly
    on a line the interval has zero width and the p-value is 0, or NaN if the line is flat.

    Keys: ``n``, ``slope``, ``ci_low``, ``ci_high``, ``p_value``, ``intercept``.
    """
    level = _check_confidence(confidence)
    t_all = _as_float_array(times, "times")
    v_all = _as_float_array(values, "values")
    if t_all.size != v_all.size:
        raise DataError(
            f"times and values must have the same length ({t_all.size} and {v_all.size})"
        )
    keep = ~(np.isnan(t_all) | np.isnan(v_all))
    tx, vy = t_all[keep], v_all[keep]
    n = int(tx.size)
    if n < 3:
        raise DataError(f"a trend needs at least three points with a time and a value, not {n}")
    if np.all(tx == tx[0]):
        raise DataError("a trend needs at least two different times")
    t_mean, v_mean = float(tx.mean()), float(vy.mean())
    dt = tx - t_mean
    sxx = float(dt @ dt)
    slope = float(dt @ (vy - v_mean)) / sxx
    intercept = v_mean - slope * t_mean
    residuals = vy - (intercept + slope * tx)
    df = n - 2
    se = math.sqrt(float(residuals @ residuals) / df / sxx)
    if se == 0.0:
        low = high = slope
        p = _NAN if slope == 0.0 else 0.0
    else:
        from scipy import stats

        margin = float(stats.t.ppf(0.5 + level / 2.0, df)) * se
        low, high = slope - margin, slope + margin
        p = float(2.0 * stats.t.sf(abs(slope / se), df))
    return {
        "n": n,
        "slope": slope,
        "ci_low": low,
        "ci_high": high,
        "p_value": p,
        "intercept": intercept,
    }
