"""A saved model gives identical probabilities once loaded, and its manifest says what it is."""

import hashlib
import zipfile
from datetime import datetime

import numpy as np
import pandas as pd

import peerval
from peerval.qual.autocode import load_model, read_manifest, save_model

from .synthetic import comments


def test_loaded_model_gives_identical_probabilities(model, tmp_path):
    path = save_model(model, tmp_path / "comments.peerval-autocode")
    loaded = load_model(path)
    texts = list(comments(30, seed=7).texts) + ["", "something else entirely"]
    pd.testing.assert_frame_equal(loaded.predict_proba(texts), model.predict_proba(texts))
    np.testing.assert_array_equal(loaded.thresholds, model.thresholds)
    assert loaded.codes == model.codes
    assert loaded.training.texts == model.training.texts


def test_manifest_records_hash_codebook_backend_version_thresholds_and_time(model, coded, tmp_path):
    path = save_model(model, tmp_path / "m.zip")
    manifest = read_manifest(path)
    assert manifest["data_hash"] == coded.data_hash()
    assert manifest["codes"] == ["listening", "waiting", "environment", "activities"]
    assert manifest["backend"] == "default"
    assert manifest["peerval_version"] == peerval.__version__
    assert manifest["thresholds"] == [float(t) for t in model.thresholds]
    assert manifest["n_texts"] == len(coded)
    made = datetime.fromisoformat(manifest["created_at"])
    assert made.tzinfo is not None


def test_data_hash_is_sha256_of_texts_and_labels(coded):
    again = comments(160, seed=1)
    assert again.data_hash() == coded.data_hash()
    changed = coded.labels.copy()
    changed[0, 0] = 1 - changed[0, 0]
    other = type(coded)(coded.texts, coded.codes, changed)
    assert other.data_hash() != coded.data_hash()
    assert len(bytes.fromhex(coded.data_hash())) == hashlib.sha256().digest_size


def test_the_file_holds_no_pickle(model, tmp_path):
    path = save_model(model, tmp_path / "m.zip")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    assert "manifest.json" in names and "model.json" in names
    assert all(n.endswith((".json", ".npy")) for n in names)
