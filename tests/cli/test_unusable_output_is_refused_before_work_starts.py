"""An output that cannot be written is refused in one line naming it, before any input is
read: the long work (importing, scoring, training, building reports) never starts and
nothing is left behind."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from peerval.cli import app
from tests.outfiles.disk import only

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def never(*args, **kwargs):
    raise AssertionError("the work started although the output cannot be written")


@pytest.fixture
def blocked(tmp_path):
    """A path whose parent is a file, so no folder can be made there."""
    (tmp_path / "taken").write_text("a file, not a folder")
    return tmp_path / "taken" / "out"


def refused(result, where) -> None:
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"Error: {where}"), result.output
    assert "AssertionError" not in result.output


FOLDER_COMMANDS = {
    "report": ("peerval.cli.report.evaluate_files", ["report", "-r", "x.csv", "-i", "fft"]),
    "export": ("peerval.cli.export.export_files", ["export", "-r", "x.csv", "-i", "fft"]),
    "demo": ("peerval.cli.demo.generate_demo", ["demo", "--no-database"]),
}


@pytest.mark.parametrize("command", FOLDER_COMMANDS)
def test_a_folder_that_cannot_be_made_stops_the_command_first(
    tmp_path, monkeypatch, blocked, command
):
    work, args = FOLDER_COMMANDS[command]
    monkeypatch.setattr(work, never)
    result = run(*args, "--out", blocked)
    refused(result, f"{blocked}: the output folder cannot be created")
    assert only(tmp_path) == ["taken"]


FILE_COMMANDS = {
    "score": ("peerval.cli.score.import_table", ["score", "-i", "fft", "-r", "x.csv"]),
    "autocode apply": (
        "peerval.cli.autocode.load_model",
        ["autocode", "apply", "m.zip", "x.csv", "--text", "t"],
    ),
    "autocode evaluate": (
        "peerval.cli.autocode.load_model",
        ["autocode", "evaluate", "m.zip", "x.csv", "--text", "t"],
    ),
    "qual export-codebook": (
        "peerval.qual.projectfile.load_project",
        ["qual", "export-codebook", "p.json"],
    ),
    "qual export-qdpx": (
        "peerval.qual.projectfile.load_project",
        ["qual", "export-qdpx", "p.json"],
    ),
    "qual import-qdpx": ("peerval.qual.refiqda.read_qdpx", ["qual", "import-qdpx", "p.qdpx"]),
}


def test_training_into_a_folder_that_cannot_be_made_stops_before_reading(monkeypatch, blocked):
    monkeypatch.setattr("peerval.cli.autocode.read_coded_file", never)
    args = ["autocode", "train", "x.csv", "--text", "t", "--codes", "a"]
    result = run(*args, "--model", blocked / "model.zip")
    refused(result, f"{blocked}: the output folder cannot be created")


@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_a_file_in_a_missing_folder_stops_the_command_first(tmp_path, monkeypatch, command):
    work, args = FILE_COMMANDS[command]
    monkeypatch.setattr(work, never)
    target = tmp_path / "missing" / "out.csv"
    result = run(*args, "--out", target)
    refused(result, f"{tmp_path / 'missing'}: the folder to write into does not exist")
    assert only(tmp_path) == []
