"""An embedding function or model that cannot be used is refused with a DiscoveryError."""

import numpy as np
import pytest

from peerval.qual.discover import DiscoveryError, discover_themes, sentence_transformer_embedder

from .synthetic import topic_comments


def test_an_embedding_of_the_wrong_shape_is_refused():
    texts, _ = topic_comments(10)
    with pytest.raises(DiscoveryError, match="one row per text"):
        discover_themes(texts, embed=lambda batch: np.ones((3, 4)))


def test_a_missing_model_folder_is_refused_without_downloading(tmp_path):
    with pytest.raises(DiscoveryError, match="no sentence-transformers model folder"):
        sentence_transformer_embedder(tmp_path / "absent")
