"""Benchmark: survey submissions through the real pages under gunicorn, and the weight of
one survey question page.

Run:  .venv/bin/python bench/web.py [--quick] [--clients 16] [--duration 30] [--pairs 3]
          [--databases sqlite,postgresql] [--setups sync:2,sync:3,sync:4,gthread:2x4]

For each database (a fresh, migrated SQLite file; a fresh PostgreSQL database created and
dropped by the bench) and each gunicorn worker setup, on 127.0.0.1:

  baseline  the clients POST to a bare view that does one INSERT (bench/web_urls.py), in
            the same Django stack and database as the survey
  survey    the clients complete the staff survey through the real pages: GET each page,
            read its CSRF token and idempotency key, POST the answers, check, send, and
            read the thank-you page
  answers   each client, having consented once, only POSTs a question page's answers,
            again and again, each time with a new idempotency key (no page is drawn
            between POSTs; each client cycles through 64 sets of answers drawn before
            the clock starts): the cost of storing answers alone; run --pairs times, each
            run followed by a baseline run of its own, and its ratio to the baseline is
            the median of the pairs' ratios (the machine's speed drifts between phases)

Each phase runs for a fixed time after a short warm-up; the clients are threads in a few
processes, each thread one person with its own cookies. After the survey phase the bench
counts submitted responses in the database and compares them with the thank-you pages the
clients saw (nothing lost, nothing twice).

The server runs with production settings (PEERVAL_PRODUCTION=true, a random secret key,
static files collected into a temporary STATIC_ROOT and served by WhiteNoise), behind an
imagined TLS proxy: clients send X-Forwarded-Proto: https. The public survey's rate limit
(PEERVAL_PUBLIC_RATE_LIMIT, 120 a minute per respondent, and its per-address ceiling of ten
times that) is raised to 1,000,000, as every client comes from 127.0.0.1.

Page weight: a question page and everything Chromium loads for it (CSS, JavaScript,
icons), each fetched again with Accept-Encoding gzip and br, as a browser does after
collectstatic (WhiteNoise serves the precompressed files).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import numpy as np

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PG_ADMIN_URL = os.environ.get("PEERVAL_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
PG_DATABASE = "peerval_bench"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
KEY = re.compile(r'name="idempotency_key" value="([0-9a-f-]+)"')
THANKS = "Thank you, your answers have been sent"
#: what a TLS-terminating proxy in front of gunicorn would add
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}


# --- the server --------------------------------------------------------------------------


@dataclass
class Site:
    """A prepared home folder, database and static files, and the environment to serve them."""

    database: str
    folder: Path
    env: dict[str, str]

    def django_admin(self, *args: str) -> str:
        done = subprocess.run(
            [str(BIN / "django-admin"), *args],
            env=self.env,
            cwd=self.folder,
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout

    def run_here(self, command: str) -> str:
        """Run one of this file's database commands in a process with the site's settings."""
        done = subprocess.run(
            [sys.executable, __file__, f"--{command}"],
            env=self.env,
            cwd=REPO,
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout.strip()


def prepare_site(database: str) -> Site:
    folder = Path(tempfile.mkdtemp(prefix=f"peerval-bench-{database}-"))
    # the site's settings come from here alone, not from whatever the shell has set
    inherited = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("PEERVAL_") and name not in ("DATABASE_URL", "PYTHONPATH")
    }
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "bench.web_settings",
        "PYTHONPATH": str(REPO),
        "PEERVAL_HOME": str(folder / "home"),
        "PEERVAL_PRODUCTION": "true",
        "PEERVAL_SECRET_KEY": secrets.token_urlsafe(64),
        "PEERVAL_ALLOWED_HOSTS": "127.0.0.1",
        "PEERVAL_STATIC_ROOT": str(folder / "static"),
        "PEERVAL_PUBLIC_RATE_LIMIT": "1000000",
        "PEERVAL_LOG_LEVEL": "ERROR",
    }
    if database == "sqlite":
        env["PEERVAL_DATABASE"] = str(folder / "peerval.sqlite3")
    else:
        _pg_admin(f"DROP DATABASE IF EXISTS {PG_DATABASE}")
        _pg_admin(f"CREATE DATABASE {PG_DATABASE}")
        env["DATABASE_URL"] = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{PG_DATABASE}"
    site = Site(database, folder, env)
    site.django_admin("collectstatic", "--noinput", "--verbosity", "0")
    site.django_admin("migrate", "--noinput", "--verbosity", "0")
    return site


def drop_site(site: Site) -> None:
    shutil.rmtree(site.folder, ignore_errors=True)
    if site.database == "postgresql":
        _pg_admin(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")


def _pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(sql)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn serving the site, started and stopped around a phase."""

    def __init__(self, site: Site, setup: str) -> None:
        self.site = site
        self.setup = setup
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        kind, _, shape = setup.partition(":")
        workers, _, threads = shape.partition("x")
        command = [
            str(BIN / "gunicorn"),
            "peerval.web.config.wsgi:application",
            "--bind", f"127.0.0.1:{self.port}",
            "--worker-class", kind,
            "--workers", workers,
            "--pythonpath", str(REPO),
            "--backlog", "2048",
            "--timeout", "120",
            "--log-level", "warning",
        ]  # fmt: skip
        if threads:
            command += ["--threads", threads]
        self.process = subprocess.Popen(command, env=site.env, cwd=site.folder)
        self._wait_until_ready()

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped with exit code {self.process.returncode}")
            try:
                answer = httpx.get(f"{self.url}/accounts/login/", headers=PROXY_HEADERS)
                if answer.status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer within 60 s")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# --- the clients ---------------------------------------------------------------------------


class Person:
    """One client: a connection and cookies (kept by hand: they are Secure, and the
    proxy's HTTPS is imagined)."""

    def __init__(self, url: str, log: list) -> None:
        self.http = httpx.Client(base_url=url, timeout=120)
        self.origin = "https://" + url.split("://", 1)[1]
        self.cookies: dict[str, str] = {}
        self.log = log

    def request(self, method: str, path: str, data: dict | None = None) -> httpx.Response:
        headers = dict(PROXY_HEADERS)
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST":
            headers["Origin"] = self.origin
        start = time.monotonic()
        answer = self.http.request(method, path, data=data, headers=headers)
        end = time.monotonic()
        self.log.append(
            (end, end - start, method == "POST", answer.status_code, _kind(method, path))
        )
        for cookie in answer.headers.get_list("set-cookie"):
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if "max-age=0" in cookie.lower() or value in ('""', ""):
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return answer

    def form(self, path: str) -> dict[str, str]:
        page = self.request("GET", path)
        if page.status_code != 200:
            raise RuntimeError(f"GET {path}: {page.status_code}")
        return {
            "csrfmiddlewaretoken": CSRF.search(page.text).group(1),
            "idempotency_key": KEY.search(page.text).group(1),
        }

    def post(self, path: str, data: dict, expect: str) -> None:
        answer = self.request("POST", path, data)
        where = answer.headers.get("location", "")
        if answer.status_code != 302 or not where.endswith(expect):
            raise RuntimeError(f"POST {path}: {answer.status_code} to {where!r}")


def _kind(method: str, path: str) -> str:
    """What a request is, for the table of single-request times."""
    step = re.sub(r"^/s/[^/]+/", "", path)
    name = {
        "": "consent page",
        "check/": "check answers page",
        "done/": "thank-you page",
        "/bench/insert/": "baseline INSERT view",
    }.get(step, "question page" if step.startswith("q/") else step)
    return f"{method} {name}"


def _answers(page, marker: str, rng: np.random.Generator) -> dict[str, str]:
    answers = {}
    for item in page.items:
        if item.type == "free_text":
            answers[item.id] = f"Answer {marker}: peer support helped our team this year."
        else:
            options = [o.code for o in page.instrument.options_for(item) if not o.missing]
            answers[item.id] = str(rng.choice(options))
    return answers


def complete_survey(person: Person, token: str, questionnaire, marker: str, rng) -> bool:
    """One person's survey from the consent page to the thank-you page."""
    base = f"/s/{token}/"
    person.post(base, person.form(base) | {"consent": "on"}, "q/0/")
    for page in questionnaire.pages:
        path = f"{base}q/{page.number}/"
        last = page.number + 1 == len(questionnaire.pages)
        answers = _answers(page, marker, rng)
        person.post(
            path, person.form(path) | answers, "check/" if last else f"q/{page.number + 1}/"
        )
    person.post(f"{base}check/", person.form(f"{base}check/"), "done/")
    thanks = person.request("GET", f"{base}done/")
    return thanks.status_code == 200 and THANKS in thanks.text


@dataclass
class ClientResult:
    requests: list = field(default_factory=list)  # (end, seconds, is_post, status, kind)
    surveys: list = field(default_factory=list)  # time each thank-you page was seen
    errors: list = field(default_factory=list)


def _client_thread(phase, url, token, begin, deadline, number, result: ClientResult) -> None:
    person = Person(url, result.requests)
    rng = np.random.default_rng(number)
    from peerval.web.surveys.services.questionnaire import questionnaire_for

    questionnaire = questionnaire_for([("staff-psw-survey", "2026.1")])
    # the answers to send are drawn before the clock starts, so that the clients' own work
    # per answer is little more than per baseline POST (they share the server's 2 cores)
    drawn = [_answers(questionnaire.pages[1], f"{number}-{n}", rng) for n in range(64)]
    time.sleep(max(0.0, begin - time.monotonic()))
    form = None
    count = 0
    while time.monotonic() < deadline:
        count += 1
        marker = f"{number}-{count}"
        try:
            if phase == "baseline":
                answer = person.request("POST", "/bench/insert/", {"payload": marker})
                if answer.status_code != 204:
                    raise RuntimeError(f"baseline: {answer.status_code}")
            elif phase == "answers":
                if form is None:  # once, in the warm-up: consent and the page's CSRF token
                    person.post(
                        f"/s/{token}/", person.form(f"/s/{token}/") | {"consent": "on"}, "q/0/"
                    )
                    form = person.form(f"/s/{token}/q/1/")
                data = form | drawn[count % len(drawn)] | {"idempotency_key": str(uuid.uuid4())}
                person.post(f"/s/{token}/q/1/", data, "q/2/")
            elif complete_survey(person, token, questionnaire, marker, rng):
                result.surveys.append(time.monotonic())
            else:
                raise RuntimeError("no thank-you page")
        except (RuntimeError, httpx.HTTPError) as exc:
            result.errors.append(f"{type(exc).__name__}: {exc}")
            time.sleep(0.05)
    person.http.close()


def _client_process(phase, url, token, begin, deadline, first, threads) -> ClientResult:
    result = ClientResult()
    workers = [
        threading.Thread(
            target=_client_thread,
            args=(phase, url, token, begin, deadline, first + n, result),
        )
        for n in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return result


def run_phase(phase: str, url: str, token: str, clients: int, processes: int, warmup: float,
              duration: float) -> dict:  # fmt: skip
    """``clients`` people for ``warmup + duration`` seconds; figures from the last
    ``duration`` seconds (a survey in progress at the end is finished, not counted)."""
    begin = time.monotonic() + 1.0
    window = (begin + warmup, begin + warmup + duration)
    shares = [clients // processes + (n < clients % processes) for n in range(processes)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(processes, mp_context=context) as pool:
        futures = [
            pool.submit(
                _client_process, phase, url, token, begin, window[1], sum(shares[:n]), share
            )
            for n, share in enumerate(shares)
        ]
        results = [future.result() for future in futures]
    requests = [r for result in results for r in result.requests]
    inside = [r for r in requests if window[0] <= r[0] < window[1]]
    kinds: dict[str, list[float]] = {}
    for r in inside:
        kinds.setdefault(r[4], []).append(r[1])
    posts = np.array([r[1] for r in inside if r[2]])
    every = np.array([r[1] for r in inside])
    return {
        "surveys_per_s": sum(window[0] <= t < window[1] for r in results for t in r.surveys)
        / duration,
        "posts_per_s": len(posts) / duration,
        "requests_per_s": len(every) / duration,
        "post_ms": _percentiles(posts),
        "all_ms": _percentiles(every),
        "surveys_seen": sum(len(r.surveys) for r in results),
        "posts_ok": sum(1 for r in requests if r[2] and r[3] in (204, 302)),
        "errors": [e for r in results for e in r.errors],
        "kinds_ms": {kind: _percentiles(np.array(times)) for kind, times in kinds.items()},
    }


def _percentiles(seconds: np.ndarray) -> tuple[float, float]:
    if not len(seconds):
        return (float("nan"), float("nan"))
    p50, p99 = np.percentile(seconds, [50, 99])
    return (p50 * 1000, p99 * 1000)


def single_request_times(url: str, token: str, surveys: int) -> dict[str, float]:
    """Median milliseconds of each kind of request from one client alone (no queueing)."""
    from peerval.web.surveys.services.questionnaire import questionnaire_for

    questionnaire = questionnaire_for([("staff-psw-survey", "2026.1")])
    log: list = []
    person = Person(url, log)
    rng = np.random.default_rng(0)
    for n in range(surveys):
        complete_survey(person, token, questionnaire, f"single-{n}", rng)
    for n in range(surveys * 7):
        person.request("POST", "/bench/insert/", {"payload": f"single-{n}"})
    person.http.close()
    kinds: dict[str, list[float]] = {}
    for _, seconds, _, _, kind in log[len(log) // 10 :]:  # the first tenth warms up
        kinds.setdefault(kind, []).append(seconds * 1000)
    return {kind: float(np.median(times)) for kind, times in kinds.items()}


# --- page weight --------------------------------------------------------------------------


def page_weight(url: str, token: str) -> list[tuple[str, int, int, int]]:
    """(path, identity bytes, gzip bytes, br bytes) of a question page and what it loads."""
    person = Person(url, [])
    base = f"/s/{token}/"
    person.post(base, person.form(base) | {"consent": "on"}, "q/0/")
    page_path = f"{base}q/1/"
    html = person.request("GET", page_path).text
    paths = [page_path] + _loaded_by_browser(url, person, page_path, html)
    rows = []
    for path in paths:
        sizes = []
        for encoding in ("identity", "gzip", "br"):
            headers = dict(PROXY_HEADERS, **{"Accept-Encoding": encoding})
            if person.cookies:
                headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in person.cookies.items())
            with person.http.stream("GET", path, headers=headers) as answer:
                answer.raise_for_status()
                raw = b"".join(answer.iter_raw())
            sizes.append(len(raw))
        rows.append((path, *sizes))
    person.http.close()
    return rows


def _loaded_by_browser(url: str, person: Person, page_path: str, html: str) -> list[str]:
    """What Chromium fetches to show the page (its own session: the respondent's cookie)."""
    chromium = Path(os.environ.get("PEERVAL_CHROMIUM", "/usr/bin/chromium"))
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if sync_playwright is None or not chromium.exists():
        print("(Chromium not available: counting the files the HTML names)")
        found = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
        return list(dict.fromkeys(found))
    seen: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium),
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"],
        )  # fmt: skip
        context = browser.new_context(
            viewport={"width": 375, "height": 812}, extra_http_headers=PROXY_HEADERS
        )
        context.add_cookies(
            [{"name": k, "value": v, "url": url} for k, v in person.cookies.items()]
        )
        page = context.new_page()
        page.on("request", lambda request: seen.append(request.url))
        page.goto(url + page_path, wait_until="networkidle")
        if not page.url.endswith(page_path):
            raise RuntimeError(f"Chromium was sent to {page.url}, not the question page")
        browser.close()
    return list(dict.fromkeys(u.removeprefix(url) for u in seen if u != url + page_path))


# --- the run ------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="8 clients, 8 s phases, the first setup only"
    )
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--client-processes", type=int, default=2)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds measured")
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument(
        "--pairs",
        type=int,
        default=3,
        help="answers-alone phases, each followed by its own baseline phase (median ratio)",
    )
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument(
        "--setups",
        default="sync:2,sync:3,sync:4,gthread:2x4",
        help="gunicorn worker setups: sync:WORKERS or gthread:WORKERSxTHREADS",
    )
    parser.add_argument(
        "--verbose", action="store_true", help="latency of each kind of request under load"
    )
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--count", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare or args.count:
        return _database_command("prepare" if args.prepare else "count")
    if args.quick:
        args.clients, args.duration, args.warmup, args.pairs = 8, 8.0, 2.0, 1
        args.setups = args.setups.split(",")[0]
    print(
        f"python {sys.version.split()[0]}, cpus {os.cpu_count()}, clients {args.clients} "
        f"in {args.client_processes} processes, {args.warmup:g} s warm-up + "
        f"{args.duration:g} s measured per phase; load average {_load()}"
    )
    rows = []
    single: dict[str, dict[str, float]] = {}
    weight = None
    for database in args.databases.split(","):
        site = prepare_site(database)
        try:
            for setup in args.setups.split(","):
                token = site.run_here("prepare")
                server = Server(site, setup)
                try:
                    phase = (server.url, token, args.clients, args.client_processes,
                             args.warmup, args.duration)  # fmt: skip
                    base = run_phase("baseline", *phase)
                    survey = run_phase("survey", *phase)
                    # answers alone, each run next to a baseline run of its own: the
                    # machine's speed drifts, so the ratio is taken pair by pair
                    pairs = []
                    for _ in range(args.pairs):
                        answers = run_phase("answers", *phase)["posts_per_s"]
                        paired = run_phase("baseline", *phase)
                        base["posts_ok"] += paired["posts_ok"]
                        pairs.append((answers, paired["posts_per_s"]))
                    survey["answers_posts_per_s"] = float(np.median([a for a, _ in pairs]))
                    survey["answers_ratio"] = float(np.median([a / b for a, b in pairs]))
                    survey["pairs"] = pairs
                    stored = dict(pair.split("=") for pair in site.run_here("count").split())
                    if database not in single:
                        single[database] = single_request_times(
                            server.url, token, 3 if args.quick else 20
                        )
                    if weight is None:
                        weight = page_weight(server.url, token)
                finally:
                    server.stop()
                rows.append((database, setup, base, survey, stored))
                _print_row(rows[-1], args.verbose)
        finally:
            drop_site(site)
    print(f"load average at the end {_load()}")
    _print_tables(rows, single, weight)


def _load() -> str:
    return " ".join(f"{n:.2f}" for n in os.getloadavg())


def collection_items(collection) -> list:
    from peerval.web.surveys.services.questionnaire import questionnaire_for

    questionnaire = questionnaire_for(collection.instrument_refs())
    return [item for page in questionnaire.pages for item in page.items]


def _database_command(command: str) -> None:
    """Run inside a process with the site's settings: set up, or count what was stored."""
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from bench.web_urls import BASELINE_TABLE, create_baseline_table
    from django.db import connection

    from peerval.web.surveys.models import Collection, Evaluation, Response, Wave

    if command == "prepare":
        create_baseline_table()
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {BASELINE_TABLE}")
        evaluation = Evaluation.objects.create(
            name="Benchmark evaluation", organisation="Example NHS Trust"
        )
        wave = Wave.objects.create(evaluation=evaluation, label=f"bench-{secrets.token_hex(4)}")
        collection = Collection.objects.create(
            wave=wave,
            respondent_group="staff",
            instruments=[{"id": "staff-psw-survey", "version": "2026.1"}],
            status=Collection.OPEN,
        )
        print(collection.token)
        return
    collection = Collection.objects.order_by("-pk").first()
    submitted = Response.objects.filter(collection=collection, status=Response.SUBMITTED)
    texts = {r.answers["staff-psw-survey"].get("what_works") for r in submitted}
    items = len(collection_items(collection))
    complete = sum(1 for r in submitted if len(r.answers["staff-psw-survey"]) == items)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {BASELINE_TABLE}")
        inserted = cursor.fetchone()[0]
    print(
        f"submitted={submitted.count()} distinct={len(texts)} complete={complete} "
        f"baseline_rows={inserted}"
    )


def _print_row(row, verbose: bool) -> None:
    database, setup, base, survey, stored = row
    print(
        f"{database} {setup}: baseline {base['posts_per_s']:.0f} POST/s; survey "
        f"{survey['surveys_per_s']:.2f} surveys/s, {survey['posts_per_s']:.0f} POST/s, "
        f"ratio {survey['posts_per_s'] / base['posts_per_s']:.2f}; answers alone "
        f"{survey['answers_posts_per_s']:.0f} POST/s (pairs: "
        + ", ".join(f"{a:.0f}/{b:.0f} = {a / b:.2f}" for a, b in survey["pairs"])
        + f"; median ratio {survey['answers_ratio']:.2f}); "
        f"errors {len(base['errors'])}+{len(survey['errors'])}; stored {stored}; "
        f"load average {_load()}",
        flush=True,
    )
    for error in (base["errors"] + survey["errors"])[:5]:
        print("   ", error)
    if verbose:
        for kind, (p50, p99) in {**base["kinds_ms"], **survey["kinds_ms"]}.items():
            print(f"    {kind}: p50 {p50:.0f} ms, p99 {p99:.0f} ms")


def _print_tables(rows, single, weight) -> None:
    print()
    print(
        "| database | gunicorn | surveys/s | survey POST/s | survey POST p50 / p99 (ms) "
        "| all requests/s | all p50 / p99 (ms) | baseline POST/s | baseline p50 / p99 (ms) "
        "| ratio | answer POSTs alone /s | ratio, answers alone | thank-yous seen = stored |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for database, setup, base, survey, stored in rows:
        seen = survey["surveys_seen"]
        ok = (
            int(stored["submitted"]) == seen
            and int(stored["distinct"]) == seen
            and int(stored["complete"]) == seen
            and int(stored["baseline_rows"]) == base["posts_ok"]
        )
        print(
            f"| {database} | {setup} | {survey['surveys_per_s']:.2f} "
            f"| {survey['posts_per_s']:.0f} | {survey['post_ms'][0]:.0f} / "
            f"{survey['post_ms'][1]:.0f} | {survey['requests_per_s']:.0f} "
            f"| {survey['all_ms'][0]:.0f} / {survey['all_ms'][1]:.0f} "
            f"| {base['posts_per_s']:.0f} | {base['post_ms'][0]:.0f} / {base['post_ms'][1]:.0f} "
            f"| {survey['posts_per_s'] / base['posts_per_s']:.2f} "
            f"| {survey['answers_posts_per_s']:.0f} "
            f"| {survey['answers_ratio']:.2f} "
            f"| {seen:,} = {int(stored['submitted']):,} {'yes' if ok else 'NO'} |"
        )
    print()
    databases = list(single)
    print("One client alone, median ms per request:")
    print("| request | " + " | ".join(databases) + " |")
    print("|---|" + "---:|" * len(databases))
    for kind in single[databases[0]]:
        times = " | ".join(f"{single[d].get(kind, float('nan')):.1f}" for d in databases)
        print(f"| {kind} | {times} |")
    if weight:
        print()
        print("| file | uncompressed (bytes) | gzip (bytes) | br (bytes) |")
        print("|---|---:|---:|---:|")
        for path, identity, gzip, br in weight:
            name = re.sub(r"\.[0-9a-f]{12}\.", ".", path.rsplit("/", 1)[-1])
            if path.startswith("/s/"):
                name = "question page HTML (" + re.sub(r"^/s/[^/]+/", "", path) + ")"
            print(f"| {name} | {identity:,} | {gzip:,} | {br:,} |")
        totals = [sum(row[n] for row in weight) for n in (1, 2, 3)]
        print(f"| total | {totals[0]:,} | {totals[1]:,} | {totals[2]:,} |")


if __name__ == "__main__":
    main()
