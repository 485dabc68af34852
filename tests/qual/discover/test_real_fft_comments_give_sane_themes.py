"""On real NHS Friends and Family Test comments, discovery offers sensible candidate themes.

The file lives outside the repository (CC BY-NC-SA); nothing from it is copied here. The
test skips when the file is absent, except in CI, where it fails.
"""

import os

import pandas as pd
import pytest

from peerval.qual.discover import discover_themes
from tests.shared_data import fft_file

FFT_FILE = fft_file()


@pytest.fixture(scope="module")
def fft_comments() -> pd.Series:
    if not FFT_FILE.is_file():
        give_up = pytest.fail if os.environ.get("CI") else pytest.skip
        give_up(f"the FFT comments file is not at {FFT_FILE}")
    table = pd.read_csv(FFT_FILE, usecols=["Comment ID", "FFT answer"])
    return table.set_index("Comment ID")["FFT answer"]


def test_fft_comments_give_at_least_three_described_themes(fft_comments):
    result = discover_themes(fft_comments, seed=0)
    assert result.n_comments == len(fft_comments)
    assert 0 < len(result.non_answer_ids) < result.n_comments // 4
    assert len(result.themes) >= 3
    for theme in result.themes:
        assert len(theme.keywords) >= 3 and theme.label
        assert 1 <= len(theme.quotes) <= 3
        assert theme.size >= 0.01 * result.n_substantive
        assert theme.stability >= 0.6
        assert all(q.comment_id in set(theme.member_ids) for q in theme.quotes)
    members = result.members_frame()
    assert len(members) == result.n_comments
    assert members["comment_id"].is_unique
    assert set(members["comment_id"]) == set(fft_comments.index)
