"""Benchmark: automatic coding of NHS Friends and Family Test comments, recipes side by side.

Run:  .venv/bin/python bench/autocode_fft.py [--data PATH] [--backends default,embeddings]

The data are real FFT comments labelled by NHS staff with 39 categories (0/1 columns after
"Comment sentiment"), published by the pxtextmining project under CC BY-NC-SA 4.0. They are
read from ../shared/data/fft_comments_dev.csv beside the repository and never copied into it.

The split is fixed and made inside that file: comments are grouped by their normalised text
(lower case, letters and digits only), so that repeats such as "Nothing." never sit on both
sides, and 20% of the groups are drawn for testing by iterative stratification (seed 2026):
the rarest category first, each category gets about 20% of its comments (at least one) in
the test part, then unlabelled comments fill the test part to 20%. Everything is trained on
the other 80%; nothing is tuned on the test part.

Recipes, all on the comment text only:

  pxtextmining  TfidfVectorizer() with defaults, one-vs-rest SVC(C=15, class_weight=
                "balanced") (RBF kernel), a code where the decision function is above 0:
                the published recipe of the pxtextmining project
  default       peerval's default backend (TF-IDF words and characters, linear SVMs,
                calibration and per-code thresholds by 5-fold cross-validation)
  embeddings    peerval's embeddings backend (the same plus all-MiniLM-L6-v2 embeddings)

For each: macro-F1 and micro-F1 on the test part, training seconds (embedding the training
texts included), and comments per second when applying the model to the test part
(embedding included; the best of three runs).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.multiclass import OneVsRestClassifier
from sklearn.svm import SVC

from peerval.qual.autocode import CodedTexts, train

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "fft_comments_dev.csv"
TEXT = "FFT answer"
SEED = 2026
TEST_SHARE = 0.2


def load(path: Path) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Texts, labels (texts x codes) and code names from the FFT file."""
    frame = pd.read_csv(path)
    codes = list(frame.columns[frame.columns.get_loc("Comment sentiment") + 1 :])
    texts = frame[TEXT].fillna("").astype(str).to_numpy()
    return texts, frame[codes].to_numpy(dtype=np.int8), codes


def normalised(text: str) -> str:
    """Lower case, letters, digits and single spaces only: repeats compare equal."""
    return re.sub(r"[^a-z0-9 ]", "", re.sub(r"\s+", " ", text.lower())).strip()


def split(texts: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """True for the test rows (see the module docstring)."""
    rng = np.random.default_rng(SEED)
    groups, _ = pd.factorize(pd.Series([normalised(t) for t in texts]))
    n_groups = groups.max() + 1
    group_labels = np.zeros((n_groups, labels.shape[1]), dtype=int)
    np.add.at(group_labels, groups, labels)
    group_size = np.bincount(groups)
    order = rng.permutation(n_groups)
    wanted = np.maximum(1, np.round(labels.sum(axis=0) * TEST_SHARE))
    test = np.zeros(n_groups, dtype=bool)
    placed = np.zeros(n_groups, dtype=bool)
    have = np.zeros(labels.shape[1])
    rows = 0
    for code in np.argsort(labels.sum(axis=0), kind="stable"):
        for group in order[group_labels[order, code] > 0]:
            if placed[group]:
                continue
            placed[group] = True
            if have[code] < wanted[code]:
                test[group] = True
                have += group_labels[group]
                rows += group_size[group]
    for group in order:
        if not placed[group]:
            placed[group] = True
            if rows < TEST_SHARE * len(texts):
                test[group] = True
                rows += group_size[group]
    return test[groups]


def pxtextmining(train_texts, train_labels):
    """The pxtextmining recipe; returns a function from texts to 0/1 codes."""
    vectorizer = TfidfVectorizer()
    classifier = OneVsRestClassifier(SVC(C=15, class_weight="balanced"))
    classifier.fit(vectorizer.fit_transform(train_texts), train_labels)
    return lambda texts: (classifier.decision_function(vectorizer.transform(texts)) > 0).astype(int)


def peerval(backend: str):
    """A peerval backend as a recipe."""

    def fit(train_texts, train_labels, codes):
        model = train(CodedTexts(tuple(train_texts), tuple(codes), train_labels), backend)
        return lambda texts: model.predict(list(texts)).to_numpy()

    return fit


def run(name, fit, train_texts, train_labels, test_texts, test_labels) -> dict:
    started = time.perf_counter()
    predict = fit(train_texts, train_labels)
    train_seconds = time.perf_counter() - started
    best = np.inf
    for _ in range(3):
        started = time.perf_counter()
        predicted = predict(test_texts)
        best = min(best, time.perf_counter() - started)
    return {
        "recipe": name,
        "macro_f1": f1_score(test_labels, predicted, average="macro", zero_division=0),
        "micro_f1": f1_score(test_labels, predicted, average="micro", zero_division=0),
        "train_seconds": train_seconds,
        "comments_per_second": len(test_texts) / best,
    }


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"{cpu}; {os.cpu_count()} CPU cores; load average at the start {load}; "
        f"Python {platform.python_version()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--backends", default="default,embeddings")
    parser.add_argument("--skip-pxtextmining", action="store_true")
    args = parser.parse_args()
    if not args.data.is_file():
        sys.exit(f"{args.data} not found (see the module docstring)")
    texts, labels, codes = load(args.data)
    test = split(texts, labels)
    print(machine())
    print(
        f"{len(texts)} comments, {len(codes)} codes; training {int((~test).sum())}, "
        f"test {int(test.sum())} (codes in test: {int((labels[test].sum(axis=0) > 0).sum())})"
    )
    sides = (texts[~test], labels[~test], texts[test], labels[test])
    recipes = [] if args.skip_pxtextmining else [("pxtextmining (TF-IDF + SVC)", pxtextmining)]
    for backend in [b for b in args.backends.split(",") if b]:
        fit = peerval(backend)
        recipes.append((f"peerval {backend}", lambda tt, tl, fit=fit: fit(tt, tl, codes)))
    rows = []
    for name, fit in recipes:
        rows.append(run(name, fit, *sides))
        print(f"  done: {name}", flush=True)
    table = pd.DataFrame(rows)
    print()
    print("| recipe | macro-F1 | micro-F1 | training (s) | comments/s (apply) |")
    print("|---|---:|---:|---:|---:|")
    for row in table.itertuples(index=False):
        print(
            f"| {row.recipe} | {row.macro_f1:.3f} | {row.micro_f1:.3f} | "
            f"{row.train_seconds:.1f} | {row.comments_per_second:,.0f} |"
        )


if __name__ == "__main__":
    main()
