"""Benchmark: scoring INSPIRE responses, from 1,000 to 1,000,000 responses.

Run:  .venv/bin/python bench/scoring.py [--sizes 1000,10000,100000,1000000] [--repeats 3]

Two timings per size, each the median of the repeats:
  wide   score_wide() on a response x item matrix (the engine alone)
  long   score() on the tidy long answer table (factorise to wide, then score)
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

import numpy as np
import pandas as pd

os.environ.setdefault("PEERVAL_HOME", os.path.join(os.path.dirname(__file__), "out", "home"))

from peerval.instruments import get_instrument  # noqa: E402
from peerval.scoring import score, score_wide  # noqa: E402


def synthetic_inspire(n: int, seed: int = 1) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A wide matrix and the equivalent long table of n INSPIRE responses."""
    inspire = get_instrument("inspire")
    rng = np.random.default_rng(seed)
    columns = [item.id for item in inspire.items]
    wide = np.full((n, len(columns)), np.nan)
    for i in range(1, 21):
        important = (rng.random(n) < 0.8).astype(float)
        wide[:, columns.index(f"s{i:02d}_important")] = important
        ratings = rng.integers(0, 5, n).astype(float)
        wide[:, columns.index(f"s{i:02d}_support")] = np.where(important == 1, ratings, np.nan)
    for i in range(1, 8):
        wide[:, columns.index(f"r{i:02d}")] = rng.integers(0, 5, n)
    ids = pd.Index(np.arange(n), name="response_id")
    wide_df = pd.DataFrame(wide, index=ids, columns=columns)
    present = ~np.isnan(wide)
    rows, cols = np.nonzero(present)
    long = pd.DataFrame(
        {
            "response_id": rows,
            "wave": "2026",
            "instrument": "inspire",
            "instrument_version": inspire.version,
            "respondent_group": "service_user",
            "item_id": pd.Categorical.from_codes(cols, categories=columns),
            "value": wide[rows, cols],
            "text": None,
        }
    )
    return wide_df, long


def median_seconds(func, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    inspire = get_instrument("inspire")
    print(
        f"python {sys.version.split()[0]}, numpy {np.__version__}, pandas {pd.__version__}, "
        f"cpus {os.cpu_count()}"
    )
    print("| responses | answers | wide (s) | long (s) | long: answers per second |")
    print("|---:|---:|---:|---:|---:|")
    for n in [int(s) for s in args.sizes.split(",")]:
        wide, long = synthetic_inspire(n)
        t_wide = median_seconds(lambda w=wide: score_wide(inspire, w), args.repeats)
        t_long = median_seconds(lambda a=long: score(a, inspire), args.repeats)
        result = score(long, inspire)
        assert len(result) == 2 * n
        print(
            f"| {n:,} | {len(long):,} | {t_wide:.3f} | {t_long:.3f} | {len(long) / t_long:,.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
