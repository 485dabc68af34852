"""The double-coding sample is reproducible, independent of row order, and stratified."""

from __future__ import annotations

import pandas as pd
import pytest

from peerval.errors import DataError
from peerval.qual.agreement import double_coding_sample

UNITS = pd.DataFrame(
    {
        "unit": [f"doc{i:02d}" for i in range(40)],
        "care_group": ["acute"] * 24 + ["rehab"] * 12 + ["forensic"] * 4,
    }
)


def test_same_seed_same_sample_whatever_the_row_order() -> None:
    first = double_coding_sample(UNITS, n=8, seed=42)
    shuffled = double_coding_sample(UNITS.sample(frac=1, random_state=3), n=8, seed=42)
    assert first["unit"].tolist() == shuffled["unit"].tolist()
    assert first["unit"].is_unique and len(first) == 8
    assert double_coding_sample(UNITS, n=8, seed=43)["unit"].tolist() != first["unit"].tolist()


def test_fraction_is_rounded_up() -> None:
    assert len(double_coding_sample(UNITS, fraction=0.1, seed=1)) == 4
    assert len(double_coding_sample(UNITS, fraction=0.11, seed=1)) == 5


def test_strata_each_get_one_and_the_rest_in_proportion() -> None:
    sample = double_coding_sample(UNITS, n=10, seed=7, stratify_by="care_group")
    counts = sample["care_group"].value_counts().to_dict()
    # one each, then 7 shared over 23, 11 and 3 left: quotas 4.35, 2.14, 0.57 -> 4, 2, 1
    assert counts == {"acute": 5, "rehab": 3, "forensic": 2}
    assert set(sample.columns) == {"unit", "care_group"}


def test_a_list_of_ids_is_accepted() -> None:
    sample = double_coding_sample(list(range(10)), n=3, seed=0)
    assert sample["unit"].tolist() == sorted(sample["unit"].tolist())


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"n": 0}, "n must be from 1"),
        ({"n": 41}, "n must be from 1"),
        ({"fraction": 0}, "fraction"),
        ({"n": 2, "fraction": 0.5}, "either n or fraction"),
        ({"n": 2, "stratify_by": "ward"}, "no column 'ward'"),
    ],
)
def test_bad_requests_raise_data_error(options: dict, message: str) -> None:
    with pytest.raises(DataError, match=message):
        double_coding_sample(UNITS, seed=1, **options)


def test_duplicate_units_are_rejected() -> None:
    with pytest.raises(DataError, match="listed more than once"):
        double_coding_sample(["a", "b", "a"], n=1, seed=1)
