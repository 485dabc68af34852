"""``peerval autocode train | apply | evaluate`` on small synthetic CSV files."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import precision_recall_fscore_support
from typer.testing import CliRunner

from peerval.cli import app
from peerval.qual.autocode import read_manifest

runner = CliRunner()

PHRASES = {
    "Listening, understanding": ["she listened to me", "felt heard and understood"],
    "Waiting": ["waited weeks to be seen", "nobody rang back for a month"],
    "Activities": ["the walking group got me out", "enjoyed the art sessions"],
}
CODES = list(PHRASES)


def coded_frame(n: int, seed: int) -> pd.DataFrame:
    """Synthetic comments with one or two codes each, an id and a ward column."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        chosen = rng.choice(len(CODES), size=1 + int(rng.random() < 0.3), replace=False)
        text = " and ".join(PHRASES[CODES[j]][rng.integers(2)] for j in chosen)
        row = {"id": f"r{i}", "ward": "Cedar" if i % 2 else "Oak", "comment": text}
        row |= {code: int(j in chosen) for j, code in enumerate(CODES)}
        rows.append(row)
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("autocode")
    coded_frame(90, seed=1).to_csv(folder / "coded.csv", index=False)
    coded_frame(40, seed=2).to_csv(folder / "held_out.csv", index=False)
    model = folder / "model.zip"
    result = runner.invoke(
        app,
        ["autocode", "train", str(folder / "coded.csv"), "--text", "comment",
         "--codes", ",".join(CODES), "--model", str(model)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return folder, model, result.output


def test_train_writes_a_model_recording_its_codes(files):
    folder, model, output = files
    assert "Trained on 90 texts and 3 codes" in output
    manifest = read_manifest(model)
    assert manifest["codes"] == CODES
    assert manifest["backend"] == "default"


def test_train_with_codes_from_takes_every_later_column(files, tmp_path):
    folder, _, _ = files
    model = tmp_path / "m.zip"
    result = runner.invoke(
        app,
        ["autocode", "train", str(folder / "coded.csv"), "--text", "comment",
         "--codes-from", CODES[0], "--model", str(model)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert read_manifest(model)["codes"] == CODES


def test_apply_keeps_the_input_and_adds_a_code_and_a_probability_column_per_code(files):
    folder, model, _ = files
    source = pd.read_csv(folder / "held_out.csv").drop(columns=CODES)
    source.to_csv(folder / "uncoded.csv", index=False)
    out = folder / "suggested.csv"
    result = runner.invoke(
        app,
        ["autocode", "apply", str(model), str(folder / "uncoded.csv"), "--text", "comment",
         "--out", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    suggested = pd.read_csv(out)
    assert list(suggested.columns) == [
        "id",
        "ward",
        "comment",
        *CODES,
        *(f"{c} probability" for c in CODES),
    ]
    assert suggested["id"].tolist() == source["id"].tolist()
    truth = pd.read_csv(folder / "held_out.csv")[CODES]
    np.testing.assert_array_equal(suggested[CODES].to_numpy(), truth.to_numpy())
    probs = suggested[[f"{c} probability" for c in CODES]].to_numpy()
    assert ((probs >= 0) & (probs <= 1)).all()


def test_evaluate_prints_and_writes_numbers_that_match_sklearn(files):
    folder, model, _ = files
    # make the task harder so the numbers are not all 1: flip some people's codes
    held_out = pd.read_csv(folder / "held_out.csv")
    held_out.loc[:7, "Waiting"] = 1 - held_out.loc[:7, "Waiting"]
    held_out.to_csv(folder / "noisy.csv", index=False)
    out = folder / "evaluation.csv"
    result = runner.invoke(
        app,
        ["autocode", "evaluate", str(model), str(folder / "noisy.csv"), "--text", "comment",
         "--out", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "macro average" in result.output and "micro average" in result.output
    table = pd.read_csv(out).set_index("code")
    suggested = runner.invoke(
        app,
        ["autocode", "apply", str(model), str(folder / "noisy.csv"), "--text", "comment",
         "--out", str(folder / "noisy_suggested.csv")],
    )  # fmt: skip
    assert suggested.exit_code == 0
    guess = pd.read_csv(folder / "noisy_suggested.csv")[CODES].to_numpy()
    p, r, f, s = precision_recall_fscore_support(
        held_out[CODES].to_numpy(), guess, average=None, zero_division=0
    )
    np.testing.assert_allclose(table.loc[CODES, "precision"], p)
    np.testing.assert_allclose(table.loc[CODES, "recall"], r)
    np.testing.assert_allclose(table.loc[CODES, "f1"], f)
    np.testing.assert_array_equal(table.loc[CODES, "support"], s)
    assert table.loc["macro average", "f1"] == pytest.approx(f.mean())
    assert table.loc["Waiting", "f1"] < 1.0
    assert f"{table.loc['Waiting', 'f1']:.3f}" in result.output


def test_a_missing_code_column_is_named_with_the_file(files):
    folder, _, _ = files
    result = runner.invoke(
        app,
        ["autocode", "train", str(folder / "coded.csv"), "--text", "comment",
         "--codes", "Waiting,Food", "--model", str(folder / "x.zip")],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "coded.csv" in result.output and "column 'Food'" in result.output
    assert "Traceback" not in result.output


def test_a_bad_code_value_is_named_with_its_row_and_column(files, tmp_path):
    folder, _, _ = files
    frame = pd.read_csv(folder / "coded.csv")
    frame["Waiting"] = frame["Waiting"].astype(object)
    frame.loc[4, "Waiting"] = "yes"
    frame.to_csv(tmp_path / "bad.csv", index=False)
    result = runner.invoke(
        app,
        ["autocode", "train", str(tmp_path / "bad.csv"), "--text", "comment",
         "--codes", ",".join(CODES), "--model", str(tmp_path / "x.zip")],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "row 6" in result.output and "column 'Waiting'" in result.output


def test_a_missing_text_column_on_apply_is_named(files):
    folder, model, _ = files
    result = runner.invoke(
        app,
        ["autocode", "apply", str(model), str(folder / "coded.csv"), "--text", "answer",
         "--out", str(folder / "x.csv")],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "column 'answer'" in result.output


def test_a_file_that_is_not_a_model_is_refused(files):
    folder, _, _ = files
    result = runner.invoke(
        app,
        ["autocode", "apply", str(folder / "coded.csv"), str(folder / "coded.csv"),
         "--text", "comment", "--out", str(folder / "x.csv")],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "not a peerval autocode model" in result.output


def test_an_unknown_backend_is_refused(files):
    folder, _, _ = files
    result = runner.invoke(
        app,
        ["autocode", "train", str(folder / "coded.csv"), "--text", "comment",
         "--codes", ",".join(CODES), "--model", str(folder / "x.zip"), "--backend", "gpt"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "unknown backend 'gpt'" in result.output


def test_the_embeddings_backend_trains_from_the_command_line(files, tmp_path):
    folder, _, _ = files
    model = tmp_path / "m.zip"
    result = runner.invoke(
        app,
        ["autocode", "train", str(folder / "coded.csv"), "--text", "comment",
         "--codes", ",".join(CODES), "--model", str(model), "--backend", "embeddings"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert read_manifest(model)["backend"] == "embeddings"
