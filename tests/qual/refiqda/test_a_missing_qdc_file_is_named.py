"""A codebook file that is missing, or a folder, gives a RefiQdaError naming it."""

from __future__ import annotations

import pytest

from peerval.qual.refiqda import RefiQdaError
from peerval.qual.refiqda.qdc import read_qdc


def test_a_missing_codebook_file_is_named(tmp_path):
    with pytest.raises(RefiQdaError, match="codes.qdc: file not found"):
        read_qdc(tmp_path / "codes.qdc")


def test_a_folder_given_as_a_codebook_is_named(tmp_path):
    with pytest.raises(RefiQdaError, match="is a folder"):
        read_qdc(tmp_path)
