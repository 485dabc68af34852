"""The disagreements list names, per unit and code, who applied it and who did not."""

from __future__ import annotations

import pandas as pd

from peerval.qual.agreement import category_agreement, code_agreement


def test_each_disagreement_lists_coders_on_both_sides() -> None:
    codings = pd.DataFrame(
        [
            ("d1", "ann", "time"),
            ("d1", "bo", "time"),
            ("d1", "cy", "time"),
            ("d2", "ann", "time"),
            ("d2", "cy", "time"),
            ("d2", "bo", "hope"),
        ],
        columns=["unit", "coder", "code"],
    )
    result = code_agreement(codings, units=["d1", "d2", "d3"], n_boot=0)
    assert result.disagreements.to_dict("records") == [
        {"unit": "d2", "code": "hope", "applied_by": ("bo",), "not_applied_by": ("ann", "cy")},
        {"unit": "d2", "code": "time", "applied_by": ("ann", "cy"), "not_applied_by": ("bo",)},
    ]


def test_category_disagreements_show_every_coders_label_for_the_unit() -> None:
    labels = pd.DataFrame(
        {
            "unit": [2, 2, 1, 1, 3],
            "coder": ["b", "a", "a", "b", "a"],
            "category": ["x", "y", "x", "x", "z"],
        }
    )
    result = category_agreement(labels, n_boot=0)
    assert result.disagreements.to_dict("records") == [
        {"unit": 2, "coder": "a", "category": "y"},
        {"unit": 2, "coder": "b", "category": "x"},
    ]
