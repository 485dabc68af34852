"""Models trained once per test session on synthetic comments (training takes seconds)."""

from __future__ import annotations

import pytest

from peerval.qual.autocode import AutocodeModel, CodedTexts, train

from .synthetic import comments


@pytest.fixture(scope="session")
def coded() -> CodedTexts:
    return comments(160, seed=1)


@pytest.fixture(scope="session")
def model(coded: CodedTexts) -> AutocodeModel:
    return train(coded)


@pytest.fixture(scope="session")
def embeddings_model(coded: CodedTexts) -> AutocodeModel:
    return train(coded, "embeddings")
