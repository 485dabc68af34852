"""``peerval qual``: qualitative projects, exchanged with other tools as REFI-QDA."""

from __future__ import annotations

from pathlib import Path

import typer

from peerval.outfiles import writable_file

from .app import app, friendly, out
from .plural import counted

qual_app = typer.Typer(
    help="Qualitative projects: import transcripts, export and import REFI-QDA (.qdpx).",
    no_args_is_help=True,
)
app.add_typer(qual_app, name="qual")

_MODE_HELP = "content_analysis (survey free text) or reflexive_thematic_analysis (interviews)."


@qual_app.command("export-qdpx")
@friendly
def export_qdpx(
    project_file: Path = typer.Argument(..., metavar="PROJECT.json", help="peerval project file."),
    out_file: Path = typer.Option(
        ..., "--out", "-o", metavar="FILE.qdpx", help="Where to write the REFI-QDA project."
    ),
    peerval_data: bool = typer.Option(
        True,
        "--peerval-data/--no-peerval-data",
        help="Also store peerval's own project data inside the file (ignored by other tools).",
    ),
) -> None:
    """Export a project as REFI-QDA (.qdpx) for NVivo, ATLAS.ti, MAXQDA and others."""
    from peerval.qual.projectfile import load_project
    from peerval.qual.refiqda import write_qdpx

    writable_file(out_file)
    project = load_project(project_file)
    write_qdpx(project, out_file, sidecar=peerval_data)
    rejected = len(project.suggestions("rejected"))
    out.print(
        f"Wrote {out_file}: {counted(len(project.documents), 'source')}, "
        f"{counted(len(project.codebook), 'code')}, "
        f"{counted(len(project.codings()) + len(project.suggestions('suggested')), 'coding')}, "
        f"{counted(len(project.memos), 'memo')} (checked against the REFI-QDA schema)",
        markup=False,
    )
    if rejected:
        out.print(
            f"  {counted(rejected, 'rejected machine suggestion')} not exported", markup=False
        )


@qual_app.command("import-qdpx")
@friendly
def import_qdpx(
    qdpx_file: Path = typer.Argument(..., metavar="FILE.qdpx", help="REFI-QDA project."),
    out_file: Path = typer.Option(
        ..., "--out", "-o", metavar="PROJECT.json", help="Where to write the peerval project."
    ),
    mode: str = typer.Option(
        None, metavar="MODE", help=f"Mode, if the file does not say: {_MODE_HELP}"
    ),
) -> None:
    """Import a REFI-QDA project (.qdpx) as a peerval project file."""
    from peerval.qual.projectfile import save_project
    from peerval.qual.refiqda import read_qdpx

    writable_file(out_file)
    imported = read_qdpx(qdpx_file, mode=mode)
    save_project(imported.project, out_file)
    project = imported.project
    how = "with its peerval history" if imported.from_peerval_data else "from the REFI-QDA XML"
    out.print(
        f"Imported {qdpx_file} {how}: {counted(len(project.documents), 'document')}, "
        f"{counted(len(project.codebook), 'code')}, {counted(len(project.codings()), 'coding')}, "
        f"{counted(len(project.memos), 'memo')} -> {out_file}",
        markup=False,
    )
    for line in imported.skipped:
        out.print(f"  skipped {line}", markup=False)


@qual_app.command("import-transcript")
@friendly
def import_transcript(
    files: list[Path] = typer.Argument(
        ..., metavar="FILE...", help="Transcripts: .txt, .docx, .vtt or .srt."
    ),
    project_file: Path = typer.Option(
        ..., "--project", "-p", metavar="PROJECT.json", help="Project file (created if missing)."
    ),
    case: list[str] = typer.Option(
        [],
        "--case",
        metavar="ID",
        help="The participant (case) of each file, in order; default: the file name.",
    ),
    mode: str = typer.Option(
        "reflexive_thematic_analysis", metavar="MODE", help=f"Mode of a new project: {_MODE_HELP}"
    ),
    name: str = typer.Option(None, metavar="TEXT", help="Name of a new project."),
    actor: str = typer.Option(
        "researcher", "--by", metavar="NAME", help="Who is creating a new project."
    ),
) -> None:
    """Add interview transcripts to a project, keeping speaker turns and timestamps."""
    from peerval.qual.project import Project
    from peerval.qual.projectfile import load_project, save_project
    from peerval.qual.transcripts import add_transcripts

    writable_file(project_file)
    if project_file.exists():
        project = load_project(project_file)
    else:
        project = Project.create(name or project_file.stem, mode, actor=actor)
    added = add_transcripts(project, files, case_ids=case)
    save_project(project, project_file)
    for document in added:
        timed = " with times" if any(t.begins_at is not None for t in document.turns) else ""
        out.print(
            f"Added {document.id}: {counted(len(document.turns), 'speaker turn')}{timed}, "
            f"case {document.case_id}",
            markup=False,
        )
    out.print(
        f"Project {project_file}: {counted(len(project.documents), 'document')}", markup=False
    )


@qual_app.command("from-survey")
@friendly
def from_survey(
    answers: Path = typer.Option(
        ..., "--answers", metavar="FILE", help="Answers table (CSV), as peerval writes it."
    ),
    respondents: Path = typer.Option(
        ..., "--respondents", metavar="FILE", help="Respondents table (CSV) with attributes."
    ),
    codebook: Path = typer.Option(
        None, "--codebook", metavar="FILE", help="Codebook (CSV): hierarchical or themed."
    ),
    codings: Path = typer.Option(
        None,
        "--codings",
        metavar="FILE",
        help="Codings (CSV): instrument, response_id, item_id, code_id, coder.",
    ),
    out_file: Path = typer.Option(
        ..., "--out", "-o", metavar="PROJECT.json", help="Where to write the project."
    ),
    name: str = typer.Option("Survey free text", metavar="TEXT", help="Project name."),
) -> None:
    """Make a content-analysis project of every free-text answer, with codebook and codings."""
    from peerval.qual.codebook_csv import read_codebook_csv
    from peerval.qual.projectfile import save_project
    from peerval.qual.survey import project_from_survey, read_survey_table

    writable_file(out_file)
    book = read_codebook_csv(codebook) if codebook else None
    coded = read_survey_table(codings, "codings") if codings else None
    project = project_from_survey(
        read_survey_table(answers, "answers"),
        read_survey_table(respondents, "respondents"),
        name=name,
        codebook=book,
        codings=coded,
    )
    save_project(project, out_file)
    out.print(
        f"Wrote {out_file}: {counted(len(project.documents), 'answer')} from "
        f"{counted(len(project.cases), 'person', 'people')}, "
        f"{counted(len(project.codebook), 'code')}, {counted(len(project.codings()), 'coding')}",
        markup=False,
    )


@qual_app.command("export-codebook")
@friendly
def export_codebook(
    project_file: Path = typer.Argument(..., metavar="PROJECT.json", help="peerval project file."),
    out_file: Path = typer.Option(
        ..., "--out", "-o", metavar="FILE", help="Where to write it: .qdc (REFI-QDA) or .csv."
    ),
) -> None:
    """Export a project's codebook as a REFI-QDA codebook (.qdc) or as CSV."""
    from peerval.qual.codebook_csv import write_codebook_csv
    from peerval.qual.projectfile import load_project
    from peerval.qual.refiqda import write_qdc

    writable_file(out_file)
    codebook = load_project(project_file).codebook
    if out_file.suffix.lower() == ".csv":
        write_codebook_csv(codebook, out_file)
    else:
        write_qdc(codebook, out_file)
    out.print(f"Wrote {out_file}: {counted(len(codebook), 'code')}", markup=False)
