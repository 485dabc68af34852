"""Mapping files: columns, labels, attributes, ignore and wave; bad mappings are named."""

from __future__ import annotations

import textwrap

import pytest

from peerval.errors import DataError, ImportValidationError, MappingError
from peerval.ingest import ColumnMap, Mapping, import_table, load_mapping

MAPPING_YAML = """\
instrument: staff-psw-survey
wave: 2025
response_id: Response number
columns:
  "PSWs are valued": valued_member
  Role: {item: profession, labels: {"Nurse (RMN)": 1, "HCA": 2}}
  Recovery: helps_recovery
  Care group: care_group
attributes:
  Team: team
ignore: [Start time, "Notes *"]
"""

ROWS = [
    ["Response number", "Start time", "Role", "Care group", "PSWs are valued", "Recovery",
     "Team", "Notes 1", "Notes 2"],
    ["A-1", "09:00", "Nurse (RMN)", "2", "Agree", "5", "Ward 4", "secret note", "x"],
    ["A-2", "09:05", "hca", "Older adults", "3", "Disagree", "", "", ""],
    ["A-3", "09:10", "Psychologist", "1", "Strongly agree", "4", "Crisis team", "", ""],
]  # fmt: skip


def _write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def mapping_path(tmp_path):
    return _write(tmp_path, "mapping.yaml", MAPPING_YAML)


def test_load_mapping_reads_every_field(mapping_path):
    mapping = load_mapping(mapping_path)
    assert mapping.instrument == "staff-psw-survey"
    assert mapping.wave == "2025"  # a YAML number becomes text
    assert mapping.response_id == "Response number"
    assert mapping.columns["PSWs are valued"] == ColumnMap(item="valued_member")
    assert mapping.columns["Role"] == ColumnMap(
        item="profession", labels={"Nurse (RMN)": 1, "HCA": 2}
    )
    assert mapping.attributes == {"Team": "team"}
    assert mapping.ignore == ["Start time", "Notes *"]
    assert mapping.ignores("Notes 17") and not mapping.ignores("Team")
    assert mapping.file == str(mapping_path)


def test_import_with_a_mapping_file(mapping_path, write_csv, staff):
    result = import_table(write_csv(ROWS), staff, load_mapping(mapping_path))
    answers = result.answers.set_index(["response_id", "item_id"])
    # plain column mapping
    assert answers.loc[("A-1", "valued_member"), "value"] == 4.0
    assert answers.loc[("A-2", "helps_recovery"), "value"] == 2.0
    # the mapping's own labels, matched case-insensitively; the item's labels still work
    assert answers.loc[("A-1", "profession"), "value"] == 1.0
    assert answers.loc[("A-2", "profession"), "value"] == 2.0
    assert answers.loc[("A-3", "profession"), "value"] == 6.0
    # wave from the mapping, ids from the mapped id column
    assert set(result.answers["wave"]) == {"2025"}
    assert list(result.respondents["response_id"]) == ["A-1", "A-2", "A-3"]
    assert set(result.respondents["wave"]) == {"2025"}


def test_mapping_attributes_become_respondent_columns(mapping_path, write_csv, staff):
    result = import_table(write_csv(ROWS), staff, load_mapping(mapping_path))
    assert list(result.respondents["team"]) == ["Ward 4", "Not stated", "Crisis team"]
    assert "team" not in set(result.answers["item_id"])
    assert list(result.respondents["profession"]) == [
        "Qualified nurse",
        "Unqualified nursing staff",
        "Psychologist",
    ]


def test_ignored_columns_leave_no_trace(mapping_path, write_csv, staff):
    result = import_table(write_csv(ROWS), staff, load_mapping(mapping_path))
    everything = {str(v) for v in result.answers.to_numpy().ravel()}
    everything |= {str(v) for v in result.respondents.to_numpy().ravel()}
    everything |= set(result.respondents.columns)
    assert "secret note" not in everything
    assert "09:00" not in everything
    assert not any(c.startswith("Notes") or c == "Start time" for c in everything)


def test_wave_argument_overrides_the_mapping_wave(mapping_path, write_csv, staff):
    result = import_table(write_csv(ROWS), staff, load_mapping(mapping_path), wave="2026")
    assert set(result.respondents["wave"]) == {"2026"}


def test_wave_column_gives_each_row_its_wave(tmp_path, write_csv, staff):
    path = _write(tmp_path, "m.yaml", "wave_column: Round\n")
    rows = [
        ["Round", "care_group", "valued_member", "helps_recovery"],
        ["2025", "1", "4", "4"],
        ["2026", "2", "4", "4"],
    ]
    result = import_table(write_csv(rows), staff, load_mapping(path))
    assert list(result.respondents["wave"]) == ["2025", "2026"]
    assert "Round" not in set(result.answers["item_id"])


def test_no_wave_anywhere_is_a_data_error(write_csv, staff):
    rows = [["care_group", "valued_member", "helps_recovery"], ["1", "4", "4"]]
    with pytest.raises(DataError, match="no wave"):
        import_table(write_csv(rows), staff)


def test_mapping_for_another_instrument_is_refused(mapping_path, write_csv, service_user):
    with pytest.raises(DataError) as info:
        import_table(write_csv(ROWS), service_user, load_mapping(mapping_path))
    assert "staff-psw-survey" in str(info.value)
    assert info.value.location.file == str(mapping_path)
    assert info.value.location.field == "instrument"


def test_mapping_to_an_unknown_item_is_unknown_item_in_row_one(tmp_path, write_csv, staff):
    path = _write(
        tmp_path,
        "m.yaml",
        """\
        wave: "2026"
        columns:
          Q1: valued_member
          Q2: no_such_item
        """,
    )
    rows = [["Q1", "Q2", "care_group", "helps_recovery"], ["4", "4", "1", "4"]]
    with pytest.raises(ImportValidationError) as info:
        import_table(write_csv(rows), staff, load_mapping(path))
    [problem] = info.value.problems
    assert problem.kind == "unknown_item"
    assert problem.location.row == 1
    assert problem.location.column == "Q2"
    assert "'no_such_item'" in problem.message


def test_mapping_labels_to_codes_the_item_lacks_is_bad_mapping(write_csv, staff):
    mapping = Mapping(
        wave="2026", columns={"Role": {"item": "profession", "labels": {"Manager": 12}}}
    )
    rows = [["Role", "care_group", "valued_member", "helps_recovery"], ["HCA", "1", "4", "4"]]
    with pytest.raises(ImportValidationError) as info:
        import_table(write_csv(rows), staff, mapping)
    kinds = {(p.kind, p.location.row, p.location.column) for p in info.value.problems}
    assert ("bad_mapping", 1, "Role") in kinds
    bad = next(p for p in info.value.problems if p.kind == "bad_mapping")
    assert "12" in bad.message


def test_malformed_mapping_file_names_file_line_and_field(tmp_path):
    path = _write(tmp_path, "broken.yaml", 'wave: "2026"\ncolumns: 5\n')
    with pytest.raises(MappingError) as info:
        load_mapping(path)
    location = info.value.location
    assert location.file == str(path)
    assert location.line == 2
    assert location.field == "columns"
    assert str(info.value).startswith(f"{path}, line 2, field columns:")


def test_unknown_mapping_field_names_its_line(tmp_path):
    path = _write(
        tmp_path,
        "typo.yaml",
        """\
        wave: "2026"
        columns:
          Q1: valued_member
          Q2: {item: helps_recovery, label: {Yes: 5}}
        """,
    )
    with pytest.raises(MappingError) as info:
        load_mapping(path)
    assert info.value.location.file == str(path)
    assert info.value.location.line == 4
    assert info.value.location.field == "columns.Q2.label"


def test_invalid_yaml_in_a_mapping_file_is_a_mapping_error_with_line(tmp_path):
    path = _write(tmp_path, "bad.yaml", "wave: 2026\nignore: [Start time\n")
    with pytest.raises(MappingError) as info:
        load_mapping(path)
    assert info.value.location.file == str(path)
    assert info.value.location.line is not None
    assert "invalid YAML" in info.value.message


def test_mapping_file_that_is_not_a_mapping_is_refused(tmp_path):
    path = _write(tmp_path, "list.yaml", "- a\n- b\n")
    with pytest.raises(MappingError) as info:
        load_mapping(path)
    assert info.value.location.file == str(path)


def test_unknown_preset_is_a_mapping_error(tmp_path):
    path = _write(tmp_path, "p.yaml", "preset: googleforms\n")
    with pytest.raises(MappingError, match="unknown preset 'googleforms'"):
        load_mapping(path)


def test_preset_in_a_mapping_file_is_merged(tmp_path):
    path = _write(tmp_path, "p.yaml", "preset: msforms\nignore: [Team]\n")
    mapping = load_mapping(path)
    assert mapping.preset is None  # already merged
    assert mapping.response_id == "ID"
    assert mapping.ignores("Email") and mapping.ignores("Team")
