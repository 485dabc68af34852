"""Benchmark: importing and validating a staff-survey CSV, from 1,000 to 1,000,000 rows.

Run:  .venv/bin/python bench/ingest.py [--sizes 1000,10000,100000,1000000] [--repeats 3]

The CSV is shaped like a Microsoft Forms export (ID, times, email and name columns, then one
column per question headed by its text, answers as labels), read with the msforms preset.
The timing covers reading, mapping, validating every cell and building the long table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

os.environ.setdefault("PEERVAL_HOME", os.path.join(os.path.dirname(__file__), "out", "home"))

from peerval.ingest import Mapping, import_table  # noqa: E402
from peerval.instruments import get_instrument  # noqa: E402


def write_csv(path: Path, n: int, seed: int = 1) -> None:
    staff = get_instrument("staff-psw-survey")
    rng = np.random.default_rng(seed)
    data: dict[str, object] = {
        "ID": np.arange(1, n + 1),
        "Start time": "1/3/26 09:00:00",
        "Completion time": "1/3/26 09:06:00",
        "Email": "anonymous",
        "Name": "",
    }
    comments = np.array(
        [
            "",
            "",
            "They have time for people.",
            "More PSW hours please.",
            "n/a",
            "Good to have someone who has been there.",
        ],
        dtype=object,
    )
    for item in staff.items:
        if item.type == "free_text":
            data[item.text] = comments[rng.integers(0, len(comments), n)]
            continue
        labels = np.array([o.label for o in staff.options_for(item)] + [""], dtype=object)
        weights = np.ones(len(labels))
        weights[-1] = 0.0 if item.required else 0.5
        data[item.text] = labels[rng.choice(len(labels), n, p=weights / weights.sum())]
    pd.DataFrame(data).to_csv(path, index=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    staff = get_instrument("staff-psw-survey")
    mapping = Mapping(preset="msforms")
    print("| rows | file (MB) | answers | import + validate (s) | rows per second |")
    print("|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for n in [int(s) for s in args.sizes.split(",")]:
            path = Path(folder) / f"staff-{n}.csv"
            write_csv(path, n)
            times, answers = [], 0
            for _ in range(args.repeats):
                start = time.perf_counter()
                result = import_table(path, staff, mapping, wave="2026")
                times.append(time.perf_counter() - start)
                answers = len(result.answers)
            t = statistics.median(times)
            size = path.stat().st_size / 1e6
            print(f"| {n:,} | {size:.1f} | {answers:,} | {t:.2f} | {n / t:,.0f} |", flush=True)


if __name__ == "__main__":
    main()
