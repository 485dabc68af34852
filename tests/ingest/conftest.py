"""Shared fixtures for the ingest tests: small instruments and a CSV writer.

The isolated data folder comes from tests/conftest.py.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from peerval.instruments import Instrument, get_instrument, load_instrument

TEST_INSTRUMENT_YAML = """\
id: test-import
version: "1"
title: Test import
respondent_group: staff
licence: {name: test, wording: included}
items:
  - {id: age, type: number, text: Age, min: 16, max: 100, required: true}
  - {id: start, type: date, text: Start date}
  - {id: channels, type: multi_choice, text: "How do you contact your PSW?",
     options: [{code: 1, label: Phone}, {code: 2, label: Text}, {code: 3, label: In person}]}
  - {id: rating, type: likert, text: Rating,
     options: [{code: 1, label: Low}, {code: 2, label: Mid}, {code: 3, label: High}]}
"""


@pytest.fixture
def staff() -> Instrument:
    return get_instrument("staff-psw-survey")


@pytest.fixture
def service_user() -> Instrument:
    return get_instrument("service-user-psw-survey")


@pytest.fixture
def test_instrument(tmp_path: Path) -> Instrument:
    """A small instrument with number, date, multi-choice and likert items."""
    path = tmp_path / "test-import.yaml"
    path.write_text(TEST_INSTRUMENT_YAML, encoding="utf-8")
    return load_instrument(path)


@pytest.fixture
def write_csv(tmp_path: Path) -> Callable[..., Path]:
    """Write rows (header first) as a CSV file in tmp_path and return its path."""

    def write(rows: Sequence[Sequence[object]], name: str = "responses.csv") -> Path:
        path = tmp_path / name
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)
        return path

    return write
