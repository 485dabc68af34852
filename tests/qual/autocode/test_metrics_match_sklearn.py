"""Precision, recall, F1 and support agree with scikit-learn's, computed independently."""

import numpy as np
import pytest
from sklearn.metrics import f1_score, precision_recall_fscore_support

from peerval.qual.autocode import MACRO, MICRO, CodedTexts, code_metrics, evaluate


def test_per_code_macro_and_micro_match_sklearn():
    rng = np.random.default_rng(5)
    truth = (rng.random((200, 6)) < [0.5, 0.2, 0.1, 0.05, 0.02, 0.0]).astype(int)
    guess = np.where(rng.random((200, 6)) < 0.8, truth, 1 - truth)
    guess[:, 5] = 0  # a code never given and never present: every ratio 0
    codes = [f"code {i}" for i in range(6)]
    table = code_metrics(truth, guess, codes).set_index("code")
    p, r, f, s = precision_recall_fscore_support(truth, guess, average=None, zero_division=0)
    np.testing.assert_allclose(table.loc[codes, "precision"], p)
    np.testing.assert_allclose(table.loc[codes, "recall"], r)
    np.testing.assert_allclose(table.loc[codes, "f1"], f)
    np.testing.assert_array_equal(table.loc[codes, "support"], s)
    assert table.loc[MACRO, "f1"] == pytest.approx(
        f1_score(truth, guess, average="macro", zero_division=0)
    )
    assert table.loc[MICRO, "f1"] == pytest.approx(
        f1_score(truth, guess, average="micro", zero_division=0)
    )
    mp, mr, _, _ = precision_recall_fscore_support(truth, guess, average="micro")
    assert table.loc[MICRO, "precision"] == pytest.approx(mp)
    assert table.loc[MICRO, "recall"] == pytest.approx(mr)
    assert table.loc[MACRO, "precision"] == pytest.approx(p.mean())
    assert list(table.reset_index().columns) == [
        "code",
        "level",
        "precision",
        "recall",
        "f1",
        "support",
        "predicted",
    ]


def test_evaluate_scores_the_model_on_coded_texts(model):
    texts = ("the walking group got me outside", "she listened without judging", "nothing")
    labels = np.array([[0, 0, 0, 1], [1, 0, 0, 0], [0, 1, 0, 0]])
    coded = CodedTexts(texts, model.codes, labels)
    table = evaluate(model, coded).set_index("code")
    guess = model.predict(list(texts)).to_numpy()
    expected = f1_score(labels, guess, average=None, zero_division=0)
    np.testing.assert_allclose(table.loc[list(model.codes), "f1"], expected)
    assert table.loc["waiting", "support"] == 1
