"""``peerval qual ...``: thin commands over the qualitative core."""

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peerval.cli import app
from peerval.demo import generate_demo
from peerval.qual.projectfile import load_project, save_project
from tests.qual.project.builders import rich_project

runner = CliRunner()
DATA = Path(__file__).resolve().parents[1] / "qual" / "transcripts" / "data"


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_export_then_import_qdpx_gives_back_the_same_project(tmp_path):
    project = rich_project()
    source = save_project(project, tmp_path / "project.json")
    result = run("qual", "export-qdpx", source, "--out", tmp_path / "p.qdpx")
    assert result.exit_code == 0, result.output
    assert "1 rejected machine suggestion not exported" in result.output
    result = run("qual", "import-qdpx", tmp_path / "p.qdpx", "--out", tmp_path / "back.json")
    assert result.exit_code == 0, result.output
    assert "with its peerval history" in result.output
    assert load_project(tmp_path / "back.json") == project


def test_export_without_peerval_data_leaves_only_the_standard_parts(tmp_path):
    source = save_project(rich_project(), tmp_path / "project.json")
    result = run("qual", "export-qdpx", source, "-o", tmp_path / "p.qdpx", "--no-peerval-data")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "p.qdpx") as archive:
        assert "peerval.json" not in archive.namelist()
    result = run("qual", "import-qdpx", tmp_path / "p.qdpx", "-o", tmp_path / "b.json")
    assert "from the REFI-QDA XML" in result.output


def test_import_transcript_creates_the_project_and_then_adds_to_it(tmp_path):
    project_file = tmp_path / "interviews.json"
    result = run(
        "qual",
        "import-transcript",
        DATA / "teams.vtt",
        "--project",
        project_file,
        "--case",
        "ME",
        "--name",
        "Ward interviews",
    )
    assert result.exit_code == 0, result.output
    assert "Added teams: 3 speaker turns with times, case ME" in result.output
    result = run("qual", "import-transcript", DATA / "interview.txt", "-p", project_file)
    assert result.exit_code == 0, result.output
    project = load_project(project_file)
    assert project.name == "Ward interviews"
    assert project.mode == "reflexive_thematic_analysis"
    assert set(project.documents) == {"teams", "interview"}


def test_a_bad_transcript_is_one_clear_error_and_changes_nothing(tmp_path):
    project_file = tmp_path / "interviews.json"
    result = run("qual", "import-transcript", DATA / "bad_timing.vtt", "-p", project_file)
    assert result.exit_code == 2
    assert result.output.startswith("Error: ") and "bad_timing.vtt, line 8" in result.output
    assert not project_file.exists()


def test_a_bad_qdpx_is_one_clear_error(tmp_path):
    bad = tmp_path / "bad.qdpx"
    bad.write_text("not a zip", encoding="utf-8")
    result = run("qual", "import-qdpx", bad, "--out", tmp_path / "x.json")
    assert result.exit_code == 2
    assert result.output.startswith("Error: ") and "bad.qdpx: not a .qdpx" in result.output


@pytest.fixture(scope="module")
def demo_tables(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tables")
    demo = generate_demo()
    demo.responses.answers.to_csv(folder / "answers.csv", index=False)
    demo.responses.respondents.to_csv(folder / "respondents.csv", index=False)
    demo.codings.to_csv(folder / "codings.csv", index=False)
    demo.codebook.to_frame().to_csv(folder / "codebook.csv", index=False)
    return demo, folder


def test_from_survey_makes_a_coded_project_from_the_demo_tables(tmp_path, demo_tables):
    demo, folder = demo_tables
    result = run(
        "qual",
        "from-survey",
        "--answers",
        folder / "answers.csv",
        "--respondents",
        folder / "respondents.csv",
        "--codings",
        folder / "codings.csv",
        "--codebook",
        folder / "codebook.csv",
        "--out",
        tmp_path / "survey.json",
        "--name",
        "Demo free text",
    )
    assert result.exit_code == 0, result.output
    project = load_project(tmp_path / "survey.json")
    assert len(project.codings()) == len(demo.codings)
    assert project.codebook.code("practical_help").parent_id == "support"
    assert project.cases["SU001"].attributes["care_group"]


def test_from_survey_names_a_missing_column(tmp_path):
    answers = tmp_path / "answers.csv"
    answers.write_text("instrument,response_id\nx,1\n", encoding="utf-8")
    result = run(
        "qual",
        "from-survey",
        "--answers",
        answers,
        "--respondents",
        answers,
        "--out",
        tmp_path / "p.json",
    )
    assert result.exit_code == 2
    assert "answers.csv: the answers table has no 'item_id' column" in result.output


@pytest.mark.parametrize("suffix", [".qdc", ".csv"])
def test_export_codebook_writes_qdc_or_csv(tmp_path, suffix):
    source = save_project(rich_project(), tmp_path / "project.json")
    target = tmp_path / f"codebook{suffix}"
    result = run("qual", "export-codebook", source, "--out", target)
    assert result.exit_code == 0, result.output
    assert "4 codes" in result.output
    text = target.read_text(encoding="utf-8")
    assert ("urn:QDA-XML:codebook:1.0" in text) if suffix == ".qdc" else text.startswith("id,name")
