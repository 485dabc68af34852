import pytest

from peerval.errors import DataError, ImportValidationError
from peerval.ingest import Mapping, import_table


def test_a_file_with_only_a_header_is_refused(tmp_path, staff):
    path = tmp_path / "empty.csv"
    path.write_text("response_id,care_group,valued_member,helps_recovery\n", encoding="utf-8")
    with pytest.raises(DataError, match="no responses"):
        import_table(path, staff, wave="2026")


def test_an_unknown_respondent_group_is_refused(tmp_path, staff):
    path = tmp_path / "r.csv"
    path.write_text("response_id,care_group,valued_member,helps_recovery\na,1,4,4\n")
    with pytest.raises(DataError, match="unknown respondent group 'staf'"):
        import_table(path, staff, wave="2026", respondent_group="staf")


def test_a_blank_respondent_id_is_a_problem_not_a_merged_person(tmp_path, staff):
    path = tmp_path / "people.csv"
    path.write_text(
        "response_id,Person,care_group,valued_member,helps_recovery\na,P1,1,4,4\nb,,1,4,4\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportValidationError) as caught:
        import_table(path, staff, Mapping(respondent_id="Person"), wave="2026")
    (problem,) = caught.value.problems
    assert problem.kind == "missing_id"
    assert (problem.location.row, problem.location.column) == (3, "Person")


def test_a_csv_renamed_to_xlsx_gets_a_clear_error(tmp_path, staff):
    path = tmp_path / "export.xlsx"
    path.write_text("response_id,care_group\na,1\n")
    with pytest.raises(DataError, match="not a valid .xlsx file"):
        import_table(path, staff, wave="2026")
