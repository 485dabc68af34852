"""Property: any grid of cells gives a ResponseSet or a PeervalError, never another exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerval.errors import PeervalError
from peerval.ingest import Mapping, import_table
from peerval.responses import ANSWER_COLUMNS, RESPONDENT_COLUMNS, ResponseSet

JUNK_HEADERS = ["", " ", "response_id", "ID", "Email", "Team", "nan", "Rating ", "AGE"]

cells = st.one_of(
    st.text(max_size=12),
    st.integers(min_value=-5, max_value=200).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(
        ["", "Low", "high", "Phone;Text;", "In person;;", "Agree", "Don't know", "2024-01-05",
         "31/12/2023", "2024-02-30", "1e400", "-0", " 3 ", "Yes", "true", ";", '"', "a,b"]
    ),
)  # fmt: skip
mappings = st.sampled_from(
    [None, Mapping(preset="msforms"), Mapping(response_id="ID"), Mapping(ignore=["*"])]
)


def _csv_text(rows: list[list[str]]) -> str:
    """Quote every field, so that any text (commas, quotes, newlines) round-trips."""
    return "".join(
        ",".join('"' + cell.replace('"', '""') + '"' for cell in row) + "\n" for row in rows
    )


@st.composite
def grids(draw, item_names: list[str]) -> list[list[str]]:
    width = draw(st.integers(min_value=1, max_value=6))
    header = draw(
        st.lists(
            st.one_of(st.sampled_from(item_names + JUNK_HEADERS), st.text(max_size=8)),
            min_size=width,
            max_size=width,
        )
    )
    body = draw(st.lists(st.lists(cells, min_size=width, max_size=width), min_size=0, max_size=6))
    return [header, *body]


def _check(grid: list[list[str]], instrument, mapping: Mapping | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "grid.csv"
        path.write_text(_csv_text(grid), encoding="utf-8")
        try:
            result = import_table(path, instrument, mapping, wave="w1")
        except PeervalError as error:
            assert str(error)  # every error has a message
            for problem in getattr(error, "problems", []):
                assert problem.location.file == str(path)
            return
    assert isinstance(result, ResponseSet)
    assert list(result.answers.columns) == list(ANSWER_COLUMNS)
    assert all(c in result.respondents.columns for c in RESPONDENT_COLUMNS)
    assert set(result.answers["response_id"]) <= set(result.respondents["response_id"])
    assert set(result.answers["item_id"]) <= {item.id for item in instrument.items}


SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(data=st.data(), mapping=mappings)
def test_any_grid_for_the_test_instrument_imports_or_raises_a_peerval_error(
    data, mapping, test_instrument
):
    names = [i.id for i in test_instrument.items] + [i.text for i in test_instrument.items]
    _check(data.draw(grids(names)), test_instrument, mapping)


@SETTINGS
@given(data=st.data(), mapping=mappings)
def test_any_grid_for_the_staff_survey_imports_or_raises_a_peerval_error(data, mapping, staff):
    names = [i.id for i in staff.items] + [i.text for i in staff.items]
    _check(data.draw(grids(names)), staff, mapping)


@SETTINGS
@given(
    ages=st.lists(st.integers(min_value=16, max_value=100), min_size=1, max_size=8),
    ratings=st.lists(st.sampled_from(["1", "2", "3", "low", "MID", "High", ""]), min_size=8),
)
def test_valid_grids_always_import_with_one_respondent_per_row(ages, ratings, test_instrument):
    grid = [["response_id", "age", "rating"]]
    grid += [[f"id{n}", str(age), ratings[n]] for n, age in enumerate(ages)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "valid.csv"
        path.write_text(_csv_text(grid), encoding="utf-8")
        result = import_table(path, test_instrument, wave="w1")
    assert list(result.respondents["response_id"]) == [f"id{n}" for n in range(len(ages))]
    age_rows = result.answers[result.answers["item_id"] == "age"]
    assert age_rows["value"].tolist() == [float(a) for a in ages]
