"""Every CSV a command writes is safe to open in a spreadsheet: a respondent's words that a
spreadsheet would run as a formula get a ``'`` in front (peerval.outfiles.spreadsheet_safe),
while numbers, negative ones included, stay numbers."""

from __future__ import annotations

import csv

import pandas as pd
import pytest
from typer.testing import CliRunner

from peerval.cli import app
from peerval.qual.codebook_csv import read_codebook_csv
from peerval.qual.hierarchy import HierarchicalCode, HierarchicalCodebook
from peerval.qual.project import Project
from peerval.qual.projectfile import save_project

runner = CliRunner()

HOSTILE = ['=HYPERLINK("http://x","click")', "+SUM(1)", "@cmd", "-3+cmd", "\uff1dSUM(1)"]


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def rows(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_score_out_neutralises_a_hostile_response_id(tmp_path):
    data = tmp_path / "brief.csv"
    body = "".join(f'"{h.replace(chr(34), chr(34) * 2)}",4,4,4,4,4\n' for h in HOSTILE)
    data.write_text("response_id,b1,b2,b3,b4,b5\n" + body + "ok,0,1,2,3,4\n", encoding="utf-8")
    out = tmp_path / "scores.csv"
    result = run("score", "-i", "brief-inspire", "-r", data, "-o", out)
    assert result.exit_code == 0, result.output
    written = rows(out)
    assert [r["response_id"] for r in written] == ["'" + h for h in HOSTILE] + ["ok"]
    assert [r["brief_inspire"] for r in written] == ["100.0"] * len(HOSTILE) + ["50.0"]


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("model")
    phrases = {"Listening": "she listened to me", "Waiting": "waited weeks to be seen"}
    coded = pd.DataFrame(
        [
            {"comment": f"{text} {i}", **{c: int(c == code) for c in phrases}}
            for i in range(20)
            for code, text in phrases.items()
        ]
    )
    coded.to_csv(folder / "coded.csv", index=False)
    model = folder / "model.zip"
    result = run(
        "autocode", "train", folder / "coded.csv", "--text", "comment",
        "--codes", ",".join(phrases), "--model", model,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return model


def test_autocode_apply_out_neutralises_respondents_words(tmp_path, model):
    source = pd.DataFrame({"id": ["-1", "-2", "x", "y", "z"], "comment": HOSTILE})
    source["score"] = [-3, 2, 0, 1, -1]
    source.to_csv(tmp_path / "texts.csv", index=False)
    out = tmp_path / "suggested.csv"
    result = run(
        "autocode", "apply", model, tmp_path / "texts.csv", "--text", "comment", "--out", out
    )
    assert result.exit_code == 0, result.output
    written = rows(out)
    assert [r["comment"] for r in written] == ["'" + h for h in HOSTILE]
    assert [r["score"] for r in written] == ["-3", "2", "0", "1", "-1"]
    assert {r["Listening"] for r in written} <= {"0", "1"}


def hostile_project(tmp_path):
    project = Project.create("Hostile", "content_analysis", actor="ana")
    codebook = HierarchicalCodebook(
        (
            HierarchicalCode("a", HOSTILE[1], HOSTILE[0], inclusion=HOSTILE[2]),
            HierarchicalCode("b", "Plain", "-3", exclusion=HOSTILE[3], parent_id="a"),
        )
    )
    project.create_codes(codebook, actor="ana")
    return save_project(project, tmp_path / "project.json"), codebook


def test_qual_export_codebook_neutralises_code_text(tmp_path):
    source, _ = hostile_project(tmp_path)
    out = tmp_path / "codebook.csv"
    result = run("qual", "export-codebook", source, "--out", out)
    assert result.exit_code == 0, result.output
    first, second = rows(out)
    assert first["name"] == "'+SUM(1)"
    assert first["description"] == "'" + HOSTILE[0]
    assert first["inclusion"] == "'@cmd"
    assert second["description"] == "-3"
    assert second["exclusion"] == "'-3+cmd"


def test_an_exported_codebook_reads_back_as_it_was(tmp_path):
    source, codebook = hostile_project(tmp_path)
    out = tmp_path / "codebook.csv"
    assert run("qual", "export-codebook", source, "--out", out).exit_code == 0
    assert read_codebook_csv(out) == codebook
