"""Benchmark: `peerval demo` end to end (generate, score, analyse, write), as a user runs it.

Run:  .venv/bin/python bench/demo.py [--repeats 5]

Each run is a fresh process (`peerval demo --out TMP`), so start-up and imports count.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    exe = Path(sys.executable).with_name("peerval")
    times = []
    for _ in range(args.repeats):
        out = tempfile.mkdtemp()
        start = time.perf_counter()
        subprocess.run([str(exe), "demo", "--out", out], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
        shutil.rmtree(out)
    runs = ", ".join(f"{t:.2f}" for t in times)
    print(f"peerval demo: median {statistics.median(times):.2f} s over {len(times)} runs ({runs})")


if __name__ == "__main__":
    main()
