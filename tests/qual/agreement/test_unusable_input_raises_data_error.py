"""Empty input, unknown coders or units and other unusable input raise a DataError."""

from __future__ import annotations

import pandas as pd
import pytest

from peerval.errors import DataError
from peerval.qual.agreement import category_agreement, code_agreement

CODINGS = pd.DataFrame(
    {"unit": ["d1", "d1", "d2"], "coder": ["ann", "bo", "ann"], "code": ["time"] * 3}
)


@pytest.mark.parametrize(
    ("codings", "options", "message"),
    [
        (CODINGS.iloc[:0], {}, "no codings"),
        (CODINGS.iloc[:0], {"units": ["d1"], "coders": ["ann", "bo"]}, "no codes"),
        (CODINGS, {"coders": ["ann"]}, "unknown coder 'bo'"),
        (CODINGS, {"units": ["d1"]}, "unknown unit 'd2'"),
        (CODINGS, {"codes": ["hope"]}, "unknown code 'time'"),
        (CODINGS[CODINGS["coder"] == "ann"], {}, "at least two coders"),
        (CODINGS.drop(columns="code"), {}, "column(s) code"),
        (CODINGS.assign(applied=["yes", "no", "yes"]), {}, "'applied' must be"),
        (CODINGS.assign(applied=[1, 2, 0]), {}, "'applied' must be"),
        (
            pd.concat([CODINGS, CODINGS.iloc[:1].assign(applied=False)]).assign(
                applied=[True, True, True, False]
            ),
            {},
            "both applied and did not apply",
        ),
        (CODINGS, {"n_boot": -1}, "n_boot"),
        (CODINGS, {"confidence": 95}, "confidence"),
        ("not a table", {}, "must be a table"),
    ],
)
def test_code_agreement_rejects(codings: pd.DataFrame, options: dict, message: str) -> None:
    with pytest.raises(DataError, match=message.replace("(", r"\(").replace(")", r"\)")):
        code_agreement(codings, **options)


def test_coding_by_a_coder_not_assigned_the_unit_is_rejected() -> None:
    assignments = pd.DataFrame({"unit": ["d1", "d1", "d2"], "coder": ["ann", "bo", "bo"]})
    with pytest.raises(DataError, match="coder 'ann' coded 'd2', not assigned to them"):
        code_agreement(CODINGS, assignments=assignments)


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        (pd.DataFrame({"unit": [], "coder": [], "category": []}), "no labels"),
        (
            pd.DataFrame(
                {"unit": [1, 1, 1], "coder": ["a", "a", "b"], "category": ["x", "y", "x"]}
            ),
            "coder 'a' gave unit 1 more than one category: x, y",
        ),
        (
            pd.DataFrame({"unit": [1, 1], "coder": ["a", "b"], "category": ["x", None]}),
            "no category",
        ),
        (pd.DataFrame({"unit": [1, 2], "coder": ["a", "a"], "category": ["x", "y"]}), "two"),
    ],
)
def test_category_agreement_rejects(labels: pd.DataFrame, message: str) -> None:
    with pytest.raises(DataError, match=message):
        category_agreement(labels)
