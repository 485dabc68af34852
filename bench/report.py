"""Benchmark: a whole evaluation report for a large synthetic evaluation.

Run:  .venv/bin/python bench/report.py [--scale 139] [--repeats 1]

``--scale 139`` gives 4,448 service users (each with three questionnaires) and 5,282 staff:
9,730 people and 18,626 questionnaires. The timing covers scoring, analysis, results.json
and the HTML, PDF and Word reports, with the demo's codings and quotes; generating the
synthetic data is timed apart, and so is the rest of what `peerval demo` writes (the data
files and the qualitative project, with its model suggestions and REFI-QDA file), which is
not the report (``--whole-demo`` times that instead, as this bench did before).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time

os.environ.setdefault("PEERVAL_HOME", os.path.join(os.path.dirname(__file__), "out", "home"))

from pathlib import Path  # noqa: E402

from peerval.demo import generate_demo, write_demo  # noqa: E402
from peerval.disclosure import DisclosurePolicy  # noqa: E402
from peerval.report import report_for, write_reports  # noqa: E402
from peerval.results import evaluate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=139)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--whole-demo", action="store_true", help="time all of write_demo")
    args = parser.parse_args()
    start = time.perf_counter()
    demo = generate_demo(scale=args.scale)
    generate = time.perf_counter() - start
    people = demo.people_by_group()
    times = []
    for _ in range(args.repeats):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            if args.whole_demo:
                write_demo(demo, out, DisclosurePolicy())
            else:
                _report(demo, Path(out))
            times.append(time.perf_counter() - start)
    print(
        f"people: {sum(people.values()):,} ({people}); questionnaires: "
        f"{len(demo.responses.respondents):,}; answers: {len(demo.responses.answers):,}"
    )
    timed = (
        "all of peerval demo's files"
        if args.whole_demo
        else "score + analyse + results.json + 3 reports"
    )
    print(
        f"generate: {generate:.1f} s; {timed}: median "
        f"{statistics.median(times):.1f} s over {len(times)} run(s) "
        f"({', '.join(f'{t:.1f}' for t in times)})"
    )


def _report(demo, out: Path) -> None:
    """What `peerval report` does after importing: evaluate, results.json, three reports."""
    policy = DisclosurePolicy()
    results = evaluate(
        demo.responses,
        demo.instruments,
        name=demo.name,
        codings=demo.codings,
        codebook=demo.codebook,
    )
    results.write_json(out / "results.json", policy)
    report = report_for(
        results, answers=demo.responses.answers, codings=demo.codings, policy=policy
    )
    write_reports(report, out)


if __name__ == "__main__":
    main()
