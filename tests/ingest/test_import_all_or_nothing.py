"""An import returns a whole ResponseSet or raises: one bad row means nothing is imported."""

from __future__ import annotations

import pytest

from peerval.errors import ImportValidationError
from peerval.ingest import import_table

HEADER = ["response_id", "care_group", "valued_member", "helps_recovery", "what_works"]
GOOD_ROWS = 60
BAD_INDEX = 37  # 0-based index among the data rows


def _rows(bad: bool) -> list[list[str]]:
    rows = [HEADER]
    for n in range(GOOD_ROWS):
        rows.append([f"r{n}", str(n % 7 + 1), str(n % 5 + 1), "Agree", f"comment {n}"])
    if bad:
        rows[BAD_INDEX + 1][3] = "Mostly"  # not an option of helps_recovery
    return rows


def test_the_good_file_imports_every_row(write_csv, staff):
    result = import_table(write_csv(_rows(bad=False)), staff, wave="2026")
    assert len(result.respondents) == GOOD_ROWS
    assert result.answers["response_id"].nunique() == GOOD_ROWS
    assert len(result.answers) == GOOD_ROWS * 4


def test_one_bad_row_among_many_good_ones_raises_and_returns_nothing(write_csv, staff):
    path = write_csv(_rows(bad=True))
    result = None
    with pytest.raises(ImportValidationError) as info:
        result = import_table(path, staff, wave="2026")
    assert result is None  # no partial ResponseSet came back
    error = info.value
    assert len(error.problems) == 1
    problem = error.problems[0]
    assert problem.kind == "unknown_label"
    assert problem.location.row == BAD_INDEX + 2  # header is row 1
    assert problem.location.column == "helps_recovery"
    assert "nothing was imported" in str(error)
    # the error carries the problems only, not any of the rows that were fine
    assert not any(hasattr(error, name) for name in ("answers", "respondents", "result"))


def test_a_bad_last_row_is_still_all_or_nothing(write_csv, staff):
    rows = _rows(bad=False)
    rows.append(["late", "1", "4", "", ""])  # blank required answer in the last row
    with pytest.raises(ImportValidationError) as info:
        import_table(write_csv(rows), staff, wave="2026")
    kinds = [(p.kind, p.location.row) for p in info.value.problems]
    assert kinds == [("missing_required", GOOD_ROWS + 2)]
