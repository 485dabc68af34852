from pathlib import Path

import pytest


@pytest.fixture
def data() -> Path:
    """The folder of sample transcripts (synthetic words, written for peerval)."""
    return Path(__file__).parent / "data"
