"""``peerval demo``: make the synthetic demo evaluation and its results."""

from __future__ import annotations

from pathlib import Path

import typer

from peerval.demo import generate_demo, write_demo
from peerval.disclosure import DEFAULT_THRESHOLD, LOWEST_THRESHOLD, DisclosurePolicy
from peerval.outfiles import writable_folder

from .app import app, friendly, out
from .plural import counted
from .progress import progress


@app.command("demo")
@friendly
def demo(
    out_dir: Path = typer.Option(
        Path("peerval-demo"),
        "--out",
        "-o",
        metavar="DIR",
        help="Folder to write into (created if missing).",
    ),
    seed: int = typer.Option(
        2026, metavar="N", help="Random seed; the same seed gives the same data."
    ),
    disclosure: str = typer.Option(
        "publish", metavar="MODE", help="publish (small groups hidden) or internal."
    ),
    threshold: int = typer.Option(
        DEFAULT_THRESHOLD,
        metavar="N",
        help=f"Smallest group shown when publishing (threshold rule; at least {LOWEST_THRESHOLD}).",
    ),
    rule: str = typer.Option(
        "threshold",
        metavar="RULE",
        help="threshold, or nhs_1_7 (hide 1-7, round other counts to 5).",
    ),
    database: bool = typer.Option(
        True,
        "--database/--no-database",
        help="Also load the demo into the web app's database, with a demo sign-in.",
    ),
) -> None:
    """Generate a synthetic evaluation (32 service users, 38 staff), write its results,
    reports and qualitative project (demo.qdpx), and load it into the web app's database."""
    policy = DisclosurePolicy(mode=disclosure, rule=rule, threshold=threshold)  # type: ignore[arg-type]
    writable_folder(out_dir)
    with progress() as bar:
        task = bar.add_task("Generating demo responses", total=2)
        evaluation = generate_demo(seed)
        bar.update(task, advance=1, description="Scoring and analysing")
        results, written = write_demo(evaluation, out_dir, policy)
        bar.update(task, advance=1)
    counts = evaluation.people_by_group()
    out.print(f"Demo evaluation: {evaluation.name}", markup=False)
    out.print(
        f"  {counted(counts.get('service_user', 0), 'service user')} and "
        f"{counted(counts.get('staff', 0), 'staff member', 'staff')} responded; "
        f"{counted(len(evaluation.psws), 'peer support worker')}",
        markup=False,
    )
    for path in written:
        out.print(f"  wrote {path}", markup=False)
    if policy.mode == "internal":
        out.print("  INTERNAL results: small groups are shown. Do not publish.")
    if database:
        _load_into_database(evaluation)


def _load_into_database(evaluation) -> None:
    from .web import prepare_database, setup_django

    setup_django()
    prepare_database()
    from peerval.web.surveys.services.demo import load_demo

    signed = load_demo(evaluation)
    out.print(
        "Demo web app: run `peerval serve`, open http://127.0.0.1:8000/ and sign in", markup=False
    )
    out.print(f"  username: {signed.username}", markup=False)
    out.print(f"  password: {signed.password}", markup=False)
    out.print(f"  staff survey (open): http://127.0.0.1:8000{signed.survey_path}", markup=False)
