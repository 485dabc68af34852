"""Benchmark: theme discovery on 30 to 100,000 free-text comments.

Run:  .venv/bin/python bench/discover.py [--sizes 30,1000,10000,100000] [--repeats 3]
                                         [--markdown /tmp/discover-bench.md]

Comments are drawn at run time, with replacement, from the Friends and Family Test comments
in ../shared/data/fft_comments_dev.csv, each lightly varied (case, a word swapped or dropped,
a short phrase added) so that large sets are not mostly exact repeats. Nothing drawn is
written anywhere. Without that file, synthetic comments on a few topics are used instead.

Each size runs in a fresh child process: the time is the median of the repeats of
``discover_themes`` (default options, seed 0), and memory is the child's peak resident set
size, with the size after imports and data preparation given for comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
FFT_FILE = ROOT.parent / "shared" / "data" / "fft_comments_dev.csv"

SWAPS = {
    "good": "great", "great": "good", "staff": "team", "very": "really", "really": "very",
    "helpful": "useful", "kind": "caring", "long": "lengthy", "quick": "fast", "nice": "lovely",
}  # fmt: skip
ADDITIONS = ["overall", "thank you", "on the whole", "as always", "this time", "so far"]

TOPICS = {
    "waiting": ["waiting", "wait", "appointment", "delay", "hours", "queue", "slow", "late"],
    "staff": ["kind", "caring", "friendly", "staff", "nurses", "listened", "helpful", "warm"],
    "food": ["food", "meals", "lunch", "dinner", "breakfast", "tasty", "menu", "drinks"],
    "transport": ["ambulance", "driver", "transport", "journey", "pick", "home", "car", "ride"],
    "information": ["explained", "information", "letter", "told", "clear", "plan", "call"],
}
SHARED = ["really", "ward", "service", "felt", "today", "experience", "visit", "people"]


def source_comments() -> tuple[list[str], str]:
    """The comments to draw from, and where they came from."""
    if FFT_FILE.is_file():
        import pandas as pd

        column = pd.read_csv(FFT_FILE, usecols=["FFT answer"])["FFT answer"]
        return [str(t) for t in column.dropna()], "FFT comments (sampled, lightly varied)"
    rng = np.random.default_rng(0)
    texts = []
    for _ in range(2000):
        topic = TOPICS[str(rng.choice(list(TOPICS)))]
        words = [*rng.choice(topic, 4, replace=False), *rng.choice(SHARED, 2, replace=False)]
        texts.append(" ".join(str(w) for w in words).capitalize() + ".")
    return texts, "synthetic comments on five topics (FFT file absent)"


def vary(text: str, rng: np.random.Generator) -> str:
    """One light change to ``text``, or none."""
    words = text.split()
    choice = rng.integers(0, 5)
    if choice == 1 and words:
        i = int(rng.integers(0, len(words)))
        words[i] = SWAPS.get(words[i].lower(), words[i])
    elif choice == 2 and len(words) > 3:
        del words[int(rng.integers(0, len(words)))]
    elif choice == 3:
        words.append(str(rng.choice(ADDITIONS)))
    elif choice == 4:
        return text.lower()
    return " ".join(words)


def comments(n: int, seed: int = 0) -> list[str]:
    """``n`` comments drawn with replacement from the source, lightly varied."""
    pool, _ = source_comments()
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(pool), n)
    return [vary(pool[int(i)], rng) for i in picks]


def child(n: int, repeats: int) -> None:
    """Run discovery on ``n`` comments ``repeats`` times and print one JSON line."""
    from peerval.qual.discover import discover_themes

    texts = comments(n)
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = discover_themes(texts, seed=0)
        times.append(time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "n": n,
                "seconds": statistics.median(times),
                "all_seconds": times,
                "baseline_mib": baseline / 1024,
                "peak_mib": peak / 1024,
                "distinct": result.n_distinct,
                "chosen_k": result.chosen_value,
                "themes": len(result.themes),
                "unclustered": len(result.unclustered_ids),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="30,1000,10000,100000")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--markdown", default=None, help="also write the table to this file")
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.repeats)
        return

    _, source = source_comments()
    load = os.getloadavg()
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(n), "--repeats", str(args.repeats)],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(
            f"{n:>7,} comments: {row['seconds']:.2f} s (median of {args.repeats}), "
            f"peak {row['peak_mib']:.0f} MiB, {row['themes']} themes",
            flush=True,
        )

    header = (
        "| comments | distinct | time (s) | peak memory (MiB) | after data prep (MiB) "
        "| k chosen | themes | unclustered |\n"
        "|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    lines = [
        f"| {r['n']:,} | {r['distinct']:,} | {r['seconds']:.2f} | {r['peak_mib']:.0f} | "
        f"{r['baseline_mib']:.0f} | {r['chosen_k']} | {r['themes']} | {r['unclustered']:,} |"
        for r in rows
    ]
    table = "\n".join([header, *lines])
    print()
    print(table)
    if args.markdown:
        import numpy
        import sklearn

        command = " ".join(["python", "bench/discover.py", *sys.argv[1:]])
        machine = (
            f"{os.cpu_count()} cores, {_memory_gib():.0f} GiB, Python "
            f"{platform.python_version()}, NumPy {numpy.__version__}, scikit-learn "
            f"{sklearn.__version__}; load average {load[0]:.1f} when the run started and "
            f"{os.getloadavg()[0]:.1f} when it ended (a shared machine: other work was running)"
        )
        text = (
            "## Discovering candidate themes in free text\n\n"
            f"Command: `.venv/bin/{command}` (median of {args.repeats} per size, each size "
            "in a fresh process).\n"
            f"Machine: {machine}.\n"
            f"Comments: {source}; default options (LSA, k-means, 5 seeds), seed 0.\n"
            "Peak memory is the process's peak resident set size, interpreter and libraries "
            "included; the column after it is the same measure once the comments are made, "
            "before discovery.\n\n"
            f"{table}\n"
        )
        Path(args.markdown).write_text(text, encoding="utf-8")


def _memory_gib() -> float:
    """Total memory of this machine, from /proc/meminfo (0 where that is not available)."""
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            for line in info:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0


if __name__ == "__main__":
    main()
