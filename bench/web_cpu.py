"""Benchmark: the server's own CPU time for one survey request, without HTTP or load.

Run:  .venv/bin/python bench/web_cpu.py [--requests 50] [--rounds 30]
          [--databases sqlite,postgresql] [--profile answer]

bench/web.py measures throughput under load, which on a shared 2-core machine moves by a
quarter between runs. This bench measures what one request costs the Django process
itself, which moves much less: CPU time (``time.process_time``) per request, in one
process, through the whole middleware stack via Django's test client with production
settings, for three requests:

  answer    POST a question page's answers (a new idempotency key each time)
  page      GET a question page
  baseline  POST to the bare one-INSERT view of bench/web_urls.py

After a warm-up, each round makes ``--requests`` requests of each kind in turn, so that
the three see the same machine (a shared machine's speed drifts by a quarter within a
minute); the table gives the median over ``--rounds`` rounds of each kind's mean, the
median over rounds of the baseline's mean divided by the answer's, and the statements one
answer makes.
The database server's own CPU (PostgreSQL) is not included.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[1]
HEADERS = {
    "HTTP_X_FORWARDED_PROTO": "https",
    "HTTP_HOST": "127.0.0.1",
    "SERVER_NAME": "127.0.0.1",
    "HTTP_ORIGIN": "https://127.0.0.1",
}
FORM = "application/x-www-form-urlencoded"


def measure(requests: int, rounds: int, profile: str | None = None) -> None:
    """Inside a process with the site's settings: print one result line."""
    sys.path[:0] = [str(REPO / "src"), str(REPO)]  # the code of this checkout
    import django

    django.setup()
    import numpy as np
    from bench.web import CSRF, KEY, _answers
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from peerval.web.surveys.services.questionnaire import questionnaire_for

    token = os.environ["PEERVAL_BENCH_TOKEN"]
    person = Client(enforce_csrf_checks=True, **HEADERS)
    questionnaire = questionnaire_for([("staff-psw-survey", "2026.1")])
    start = person.get(f"/s/{token}/").text
    consent = {
        "csrfmiddlewaretoken": CSRF.search(start).group(1),
        "idempotency_key": KEY.search(start).group(1),
        "consent": "on",
    }
    sent = person.post(f"/s/{token}/", urlencode(consent), content_type=FORM)
    assert sent.status_code == 302, sent.status_code
    page = person.get(f"/s/{token}/q/1/").text
    csrf = {"csrfmiddlewaretoken": CSRF.search(page).group(1)}
    rng = np.random.default_rng(1)
    bare = Client(**HEADERS)

    def answer() -> None:
        data = csrf | _answers(questionnaire.pages[1], "cpu", rng)
        data["idempotency_key"] = str(uuid.uuid4())
        done = person.post(f"/s/{token}/q/1/", urlencode(data), content_type=FORM)
        assert done.status_code == 302 and done["Location"].endswith("q/2/"), done.status_code

    def draw() -> None:
        assert person.get(f"/s/{token}/q/1/").status_code == 200

    def baseline() -> None:
        assert bare.post("/bench/insert/", "payload=cpu", content_type=FORM).status_code == 204

    kinds = {"answer": answer, "page": draw, "baseline": baseline}
    for run in kinds.values():
        for _ in range(30):
            run()
    with CaptureQueriesContext(connection) as seen:
        answer()
    statements = len(seen.captured_queries)  # before the next request clears the log
    if profile:
        return _profile(kinds[profile], requests * rounds)
    means: dict[str, list[float]] = {kind: [] for kind in kinds}
    ratios: list[float] = []
    for _ in range(rounds):
        for kind, run in kinds.items():
            began = time.process_time()
            for _ in range(requests):
                run()
            means[kind].append((time.process_time() - began) / requests * 1000)
        ratios.append(means["baseline"][-1] / means["answer"][-1])
    figures = " ".join(f"{kind}={statistics.median(v):.3f}" for kind, v in means.items())
    print(f"{figures} ratio={statistics.median(ratios):.3f} statements={statements}")


def _profile(run, requests: int) -> None:
    """Print where one kind of request spends its time, by own time and cumulative."""
    import cProfile
    import pstats

    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _ in range(requests):
        run()
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=50, help="of each kind per round")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument(
        "--profile",
        choices=["answer", "page", "baseline"],
        help="instead of timing, print a profile of this kind of request",
    )
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        return measure(args.requests, args.rounds, args.profile)
    sys.path.insert(0, str(REPO))
    from bench.web import drop_site, prepare_site

    print(f"python {sys.version.split()[0]}, cpus {os.cpu_count()}, {args.requests} requests "
          f"x {args.rounds} rounds; load average {os.getloadavg()[0]:.2f}")  # fmt: skip
    print("| database | answer POST (CPU ms) | question page GET (CPU ms) "
          "| baseline INSERT POST (CPU ms) | baseline / answer "
          "| statements per answer |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|")
    for database in args.databases.split(","):
        site = prepare_site(database)
        try:
            token = site.run_here("prepare")
            done = subprocess.run(
                [sys.executable, __file__, "--measure", "--requests", str(args.requests),
                 "--rounds", str(args.rounds)]
                + (["--profile", args.profile] if args.profile else []),
                env={**site.env, "PEERVAL_BENCH_TOKEN": token},
                cwd=site.folder, check=True, capture_output=True, text=True,
            )  # fmt: skip
        finally:
            drop_site(site)
        if args.profile:
            print(done.stdout)
            continue
        found = dict(pair.split("=") for pair in done.stdout.split()[-5:])
        answer, page, base, ratio = (
            float(found[k]) for k in ("answer", "page", "baseline", "ratio")
        )
        print(f"| {database} | {answer:.2f} | {page:.2f} | {base:.2f} | {ratio:.2f} "
              f"| {found['statements']} |")  # fmt: skip


if __name__ == "__main__":
    main()
